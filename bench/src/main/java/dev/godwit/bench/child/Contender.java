package dev.godwit.bench.child;

import java.util.List;
import java.util.function.Supplier;

/**
 * One way to migrate a database at start-up, as the benchmark's child JVM calls it. Implementations are loaded by
 * name, inside the timed region, so that a child loads only its own contender's classes.
 */
public interface Contender {

    /**
     * Runs every pending migration, as an application does at start-up: from nothing but a JDBC URL.
     *
     * @param url the database
     * @throws Exception if a migration or the runner fails
     */
    void migrate(String url) throws Exception;

    /**
     * Drops everything {@link #migrate} created, so that the next run finds every migration pending.
     *
     * @param url the database
     * @throws Exception if the tables cannot be dropped
     */
    void reset(String url) throws Exception;

    /**
     * Returns the migration list that the benchmark generated for a loop: an application would name its list directly,
     * but the generated class is not known when the contenders are compiled.
     *
     * @param className the generated {@code Supplier} of the list
     * @return the list
     * @throws ReflectiveOperationException if the class cannot be loaded or made
     */
    @SuppressWarnings("unchecked")
    static <M> List<M> generatedList(String className) throws ReflectiveOperationException {
        return ((Supplier<List<M>>)
                        Class.forName(className).getDeclaredConstructor().newInstance())
                .get();
    }
}
