package dev.godwit.runtime;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh databases for tests: an SQLite file in the test's temporary directory, or a new database on the JVM's one
 * embedded PostgreSQL server, started by the first test that needs it and stopped when all tests are done.
 *
 * <pre>{@code
 * @RegisterExtension static final TestDatabases databases = new TestDatabases();
 * @TempDir Path tempDir;
 *
 * @EachDatabase
 * void scenario(DatabaseKind kind) {
 *     TestDatabase database = databases.create(kind, tempDir);
 * }</pre>
 */
final class TestDatabases implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);

    private ExtensionContext.Store jvmStore;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root context's store lives as long as the test run and closes what it holds at the end.
        jvmStore = context.getRoot().getStore(NAMESPACE);
    }

    TestDatabase create(DatabaseKind kind, Path tempDir) {
        return switch (kind) {
            case SQLITE -> new TestDatabase(kind, "jdbc:sqlite:" + tempDir.resolve("test.db"));
            case POSTGRESQL -> new TestDatabase(kind, postgres().createDatabase());
        };
    }

    PostgresServer postgres() {
        return jvmStore.getOrComputeIfAbsent(PostgresServer.class, type -> new PostgresServer(), PostgresServer.class);
    }
}
