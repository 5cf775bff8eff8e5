package dev.godwit.processor;

import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.MigrationContext;
import dev.godwit.runtime.MigrationInvocation;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a runner hands a registry for one migration, reduced to what the generated code needs. */
final class SimpleInvocation implements MigrationInvocation, MigrationContext {

    private final Jdbi jdbi;
    private final Handle handle;
    private final Connection connection;
    private final String migrationId;
    private final Map<Class<?>, Object> instances;

    /**
     * @param instances the instances of classes with instance migrations, shared by all invocations of a run
     */
    SimpleInvocation(Jdbi jdbi, Handle handle, String migrationId, Map<Class<?>, Object> instances) {
        this(jdbi, handle, handle == null ? null : handle.getConnection(), migrationId, instances);
    }

    private SimpleInvocation(
            Jdbi jdbi, Handle handle, Connection connection, String migrationId, Map<Class<?>, Object> instances) {
        this.jdbi = jdbi;
        this.handle = handle;
        this.connection = connection;
        this.migrationId = migrationId;
        this.instances = instances;
    }

    /** An invocation with a JDBC connection and no handle: a migration that asks for the handle gets {@code null}. */
    static SimpleInvocation withConnectionOnly(Connection connection, String migrationId) {
        return new SimpleInvocation(null, null, connection, migrationId, new HashMap<>());
    }

    /** An invocation for code that needs no database. */
    static SimpleInvocation withoutDatabase(String migrationId) {
        return new SimpleInvocation(null, null, migrationId, new HashMap<>());
    }

    @Override
    public Handle handle() {
        return handle;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public MigrationContext context() {
        return this;
    }

    @Override
    public <T> T instance(Class<T> type, Supplier<? extends T> constructor) {
        return type.cast(instances.computeIfAbsent(type, key -> constructor.get()));
    }

    @Override
    public String migrationId() {
        return migrationId;
    }

    @Override
    public DatabaseKind database() {
        return DatabaseKind.SQLITE;
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("dev.godwit.migration." + migrationId);
    }
}
