package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationListener;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.internal.database.TableName;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The options of a runner, as its builder collected them. A new option is one more component here and one more
 * builder method.
 *
 * @param table the tracking table
 * @param registries the registries to run, or {@code null} to find them through {@link java.util.ServiceLoader}
 * @param classLoader where to look for registries and SQL files, or {@code null} for the thread's context class
 *     loader
 * @param sqlLocation the class path folder of the SQL migrations, checked
 * @param strictChecksums whether a changed migration stops the run before anything runs, instead of a warning
 * @param listeners the listeners, in order of registration
 * @param instanceFactory how to obtain instances for instance migrations, or {@code null} for their constructors
 * @param clock the source of {@code executed_at}
 * @param lockTimeout the longest wait for another runner's claim of a migration, positive
 */
public record RunnerSettings(
        TableName table,
        List<MigrationRegistry> registries,
        ClassLoader classLoader,
        String sqlLocation,
        boolean strictChecksums,
        List<MigrationListener> listeners,
        Function<Class<?>, ?> instanceFactory,
        Clock clock,
        Duration lockTimeout) {}
