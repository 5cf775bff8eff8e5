package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** What a running migration is given: its context, its handle, the instance it is called on, its MDC entry. */
class MigrationInvocationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    /** A class with instance migrations, as generated registries see it. */
    static final class CatalogMigrations {
        static final AtomicInteger constructed = new AtomicInteger();
        final List<String> ran = new ArrayList<>();

        CatalogMigrations() {
            constructed.incrementAndGet();
        }
    }

    private static TestRegistry instanceMigrations(String... ids) {
        TestRegistry registry = new TestRegistry();
        for (String id : ids) {
            registry.add(
                    id,
                    invocation -> invocation
                            .instance(CatalogMigrations.class, CatalogMigrations::new)
                            .ran
                            .add(id));
        }
        return registry;
    }

    @EachDatabase
    void instanceMigrationsShareOneInstancePerClassMadeByItsConstructor(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        CatalogMigrations.constructed.set(0);
        AtomicReference<CatalogMigrations> seen = new AtomicReference<>();
        TestRegistry registry = instanceMigrations("v1", "v2")
                .add(
                        "v3",
                        invocation -> seen.set(invocation.instance(CatalogMigrations.class, CatalogMigrations::new)));

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(3);
        assertThat(CatalogMigrations.constructed).hasValue(1);
        assertThat(seen.get().ran).containsExactly("v1", "v2");
    }

    @EachDatabase
    void instanceMigrationsUseTheConfiguredFactoryOncePerClass(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        CatalogMigrations.constructed.set(0);
        CatalogMigrations injected = new CatalogMigrations();
        List<Class<?>> requested = new ArrayList<>();

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(instanceMigrations("v1", "v2"))
                .instances(type -> {
                    requested.add(type);
                    return injected;
                })
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(2);
        assertThat(requested).containsExactly(CatalogMigrations.class);
        assertThat(injected.ran).containsExactly("v1", "v2");
        assertThat(CatalogMigrations.constructed).hasValue(1);
    }

    @EachDatabase
    void aFactoryReturningNullFailsOnlyTheMigrationThatNeededIt(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = instanceMigrations("v2").event("v1").event("v3");

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .instances(type -> null)
                .build()
                .runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v3");
        assertThat(report.failed())
                .singleElement()
                .satisfies(failure -> assertThat(failure.error())
                        .get(InstanceOfAssertFactories.THROWABLE)
                        .isInstanceOf(InvalidConfigurationException.class)
                        .hasMessageContaining("MigrationRunner.Builder.instances(...) returned null for "
                                + CatalogMigrations.class.getName() + ", which declares migration v2"));
        assertThat(database.error("v2")).get().asString().contains("returned null");
    }

    @EachDatabase
    void aFactoryReturningAnotherClassFailsTheMigration(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(instanceMigrations("v1"))
                .instances(type -> "not a migration class")
                .build()
                .runAll();

        assertThat(report.failed())
                .singleElement()
                .satisfies(failure -> assertThat(failure.error())
                        .get(InstanceOfAssertFactories.THROWABLE)
                        .isInstanceOf(InvalidConfigurationException.class)
                        .hasMessageContaining("returned a java.lang.String for " + CatalogMigrations.class.getName()));
    }

    @EachDatabase
    void theContextDescribesTheRunningMigration(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        AtomicReference<MigrationContext> context = new AtomicReference<>();
        AtomicReference<Handle> handle = new AtomicReference<>();
        AtomicReference<Boolean> inTransaction = new AtomicReference<>();
        TestRegistry registry = new TestRegistry().add("v1_context", invocation -> {
            context.set(invocation.context());
            handle.set(invocation.handle());
            inTransaction.set(invocation.handle().isInTransaction());
        });

        MigrationRunner.builder(database.jdbi()).registries(registry).build().runAll();

        assertThat(context.get().migrationId()).isEqualTo("v1_context");
        assertThat(context.get().database()).isEqualTo(kind);
        assertThat(context.get().handle()).isSameAs(handle.get());
        assertThat(context.get().jdbi()).isSameAs(database.jdbi());
        assertThat(context.get().logger().getName()).isEqualTo("dev.godwit.migration.v1_context");
        assertThat(inTransaction.get()).isTrue();
    }

    @EachDatabase
    void theMigrationIdIsInTheMdcWhileTheMigrationRuns(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        List<String> seen = new ArrayList<>();
        TestRegistry registry = new TestRegistry()
                .add("v1", invocation -> seen.add(MDC.get(MigrationRunner.MDC_KEY)))
                .add("v2", invocation -> {
                    seen.add(MDC.get(MigrationRunner.MDC_KEY));
                    throw new IllegalStateException("boom");
                });
        MDC.put(MigrationRunner.MDC_KEY, "outer");
        try {
            MigrationRunner.builder(database.jdbi())
                    .registries(registry)
                    .build()
                    .runAll();

            assertThat(seen).containsExactly("v1", "v2");
            assertThat(MDC.get(MigrationRunner.MDC_KEY)).isEqualTo("outer");
        } finally {
            MDC.remove(MigrationRunner.MDC_KEY);
        }
        MigrationRunner.builder(database.jdbi()).registries(registry).build().runAll();
        assertThat(MDC.get(MigrationRunner.MDC_KEY)).isNull();
    }
}
