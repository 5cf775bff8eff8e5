package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationContext;
import dev.godwit.runtime.MigrationInvocation;
import java.sql.Connection;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** What one running migration's parameters and receiver are taken from. */
final class RunningMigrationInvocation implements MigrationInvocation {

    private final RunningMigrationContext context;
    private final Instances instances;

    RunningMigrationInvocation(RunningMigrationContext context, Instances instances) {
        this.context = context;
        this.instances = instances;
    }

    @Override
    public Handle handle() {
        return context.handle();
    }

    @Override
    public Connection connection() {
        return context.connection();
    }

    @Override
    public MigrationContext context() {
        return context;
    }

    @Override
    public <T> T instance(Class<T> type, Supplier<? extends T> constructor) {
        return instances.get(
                Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(constructor, "constructor"),
                context.migrationId());
    }
}
