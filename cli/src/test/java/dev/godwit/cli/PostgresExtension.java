package dev.godwit.cli;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's one {@link PostgresServer}, started by the first test that needs it and stopped when all tests are
 * done.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresExtension postgres = new PostgresExtension();
 * TestDatabase database = TestDatabase.postgres(postgres.server());
 * }</pre>
 */
final class PostgresExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    private ExtensionContext.Store jvmStore;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root context's store lives as long as the test run and closes what it holds at the end.
        jvmStore = context.getRoot().getStore(NAMESPACE);
    }

    PostgresServer server() {
        return jvmStore.getOrComputeIfAbsent(PostgresServer.class, type -> new PostgresServer(), PostgresServer.class);
    }
}
