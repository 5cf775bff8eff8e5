package dev.godwit.runtime;

import java.sql.Connection;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Everything a migration method's parameters and receiver are taken from, handed by the runner to
 * {@link MigrationRegistry#run}. Generated registries call it; application code does not need to.
 *
 * <p>New kinds of parameters are added here as methods, so registries generated for them keep the same
 * {@code run} signature.
 */
public interface MigrationInvocation {

    /**
     * Returns the handle whose transaction the migration runs in (for a {@code Handle} parameter).
     *
     * @return the handle; never {@code null}
     */
    Handle handle();

    /**
     * Returns the JDBC connection the migration runs on, in its transaction unless it is non-transactional (for a
     * {@code java.sql.Connection} parameter); see {@link MigrationContext#connection()}.
     *
     * @return the connection; never {@code null}
     */
    default Connection connection() {
        return context().connection();
    }

    /**
     * Returns the context of the running migration (for a {@link MigrationContext} parameter).
     *
     * @return the context; never {@code null}
     */
    MigrationContext context();

    /**
     * Returns the object an instance migration method is called on: from the runner's instance factory if one is
     * configured ({@link MigrationRunner.Builder#instances}), else from {@code constructor}. One instance per
     * class is kept for the whole run.
     *
     * @param type the class that declares the migration method
     * @param constructor calls the class's no-argument constructor; generated code passes {@code Type::new}
     * @param <T> the class
     * @return the instance; never {@code null}
     */
    <T> T instance(Class<T> type, Supplier<? extends T> constructor);

    /**
     * Returns the object an instance migration method is called on, for a class without a usable no-argument
     * constructor: from the runner's instance factory ({@link MigrationRunner.Builder#instances}). Without one, the
     * migration fails with an {@link InvalidConfigurationException} that says so.
     *
     * @param type the class that declares the migration method
     * @param <T> the class
     * @return the instance; never {@code null}
     * @throws InvalidConfigurationException if no instance factory is configured
     */
    default <T> T instance(Class<T> type) {
        return instance(type, () -> {
            throw new InvalidConfigurationException("Migration " + context().migrationId() + " is an instance method"
                    + " of " + type.getName() + ", which has no no-argument constructor the runner could call, and"
                    + " no instance factory is configured. Supply its instances with"
                    + " MigrationRunner.Builder.instances(type -> ...) (from your dependency-injection container or"
                    + " a hand-written factory), or give the class a non-private no-argument constructor.");
        });
    }
}
