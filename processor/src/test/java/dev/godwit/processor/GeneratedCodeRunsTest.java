package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads what the processor generated and runs it, as the runtime would, against a real SQLite file. */
class GeneratedCodeRunsTest {

    private static final List<String> IDS =
            List.of("v1_backfill_language", "v2.1_seed_currencies", "v2_create_invoices", "v10_reindex_titles");

    @TempDir
    Path temp;

    @Test
    void registryListsMigrationsInIdOrderWithTheirChecksumsWithoutLoadingTheirClasses() throws Exception {
        try (CompiledOutput output = compileFixtures()) {
            MigrationRegistry registry = onlyRegistry(output);

            Assertions.assertThat(registry.migrations())
                    .containsExactly(
                            MigrationDefinition.code(
                                    "v1_backfill_language",
                                    "com.example.catalog.CatalogMigrations#backfillLanguage",
                                    "ab374b666f3331b0b70b959dd27740bd18696e253291031efd04917b7319de5b"),
                            MigrationDefinition.code(
                                            "v2.1_seed_currencies",
                                            "com.example.billing.BillingMigrations.Currencies#seed",
                                            "6d70ca32f36ef5fd2e9ad44438a41081710025e41ac6d0a2a05852b49ba0e0c1")
                                    .withRunUntil(Instant.parse("2999-01-01T00:00:00Z")),
                            MigrationDefinition.code(
                                    "v2_create_invoices",
                                    "com.example.billing.BillingMigrations#createInvoices",
                                    "0e5da4f8befcbee04406f0784f9b354c739028e7df12d2b110ddee95ae23deb9"),
                            MigrationDefinition.code(
                                            "v10_reindex_titles",
                                            "com.example.catalog.CatalogMigrations#reindexTitles",
                                            "6c274ffe8a3d91f49ef79a92ce67c23d825ca439d264163a30ed639457416cf3")
                                    .withAfter("v1_backfill_language"));
            Assertions.assertThat(List.of(
                            "com.example.catalog.CatalogMigrations",
                            "com.example.catalog.CatalogMigrations_GodwitMigrations",
                            "com.example.billing.BillingMigrations",
                            "com.example.billing.BillingMigrations$Currencies",
                            "com.example.billing.BillingMigrations_GodwitMigrations"))
                    .noneMatch(output::hasLoaded);
        }
    }

    @Test
    void registryRunsPackagePrivateStaticAndInstanceMethodsOnSqlite() throws Exception {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + temp.resolve("godwit.db"));
        Map<Class<?>, Object> instances = new HashMap<>();
        try (CompiledOutput output = compileFixtures();
                Handle handle = jdbi.open()) {
            MigrationRegistry registry = onlyRegistry(output);
            handle.execute("CREATE TABLE calls (migration TEXT NOT NULL)");

            for (int index = 0; index < IDS.size(); index++) {
                registry.run(index, new SimpleInvocation(jdbi, handle, IDS.get(index), instances));
            }

            Assertions.assertThat(handle.createQuery("SELECT migration FROM calls ORDER BY rowid")
                            .mapTo(String.class)
                            .list())
                    .containsExactlyElementsOf(IDS);
            Assertions.assertThat(instances.keySet())
                    .extracting(Class::getName)
                    .containsExactlyInAnyOrder(
                            "com.example.catalog.CatalogMigrations",
                            "com.example.billing.BillingMigrations$Currencies");
        }
    }

    @Test
    void runOutsideTheRegistryThrowsIndexOutOfBounds() throws Exception {
        try (CompiledOutput output = compileFixtures()) {
            MigrationRegistry registry = onlyRegistry(output);

            assertThatThrownBy(() -> registry.run(IDS.size(), SimpleInvocation.withoutDatabase("none")))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> registry.run(-1, SimpleInvocation.withoutDatabase("none")))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void nonTransactionalMigrationsAreMarkedSoInTheirDefinitions() throws Exception {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.search.SearchMigrations",
                "package com.example.search;",
                "",
                "import dev.godwit.Migration;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class SearchMigrations {",
                "  @Migration(\"v1_create_titles\")",
                "  static void createTitles(Handle handle) {}",
                "",
                "  @Migration(value = \"v2_index_titles\", transactional = false)",
                "  static void indexTitles(Handle handle) {",
                "    handle.execute(\"CREATE INDEX CONCURRENTLY IF NOT EXISTS titles_title ON titles (title)\");",
                "  }",
                "",
                "  @Migration(value = \"v3_seed_titles\", transactional = true)",
                "  static void seedTitles(Handle handle) {}",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.example.search.GodwitRegistry")
                .contentsAsUtf8String()
                .contains("migrations.set(1, migrations.get(1).withTransactional(false));");
        try (CompiledOutput output = CompiledOutput.load(compilation, temp.resolve("classes"))) {
            Assertions.assertThat(onlyRegistry(output).migrations())
                    .extracting(MigrationDefinition::id, MigrationDefinition::transactional)
                    .containsExactly(
                            Assertions.tuple("v1_create_titles", true),
                            Assertions.tuple("v2_index_titles", false),
                            Assertions.tuple("v3_seed_titles", true));
        }
    }

    @Test
    void aMigrationTakingAConnectionGetsTheConnectionOfItsHandle() throws Exception {
        JavaFileObject source = JavaFileObjects.forSourceLines(
                "com.example.audit.AuditMigrations",
                "package com.example.audit;",
                "",
                "import dev.godwit.Migration;",
                "import dev.godwit.runtime.MigrationContext;",
                "import java.sql.Connection;",
                "import java.sql.PreparedStatement;",
                "import java.sql.SQLException;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class AuditMigrations {",
                "  @Migration(\"v1_jdbc\")",
                "  static void jdbc(Connection connection) throws SQLException {",
                "    try (PreparedStatement insert = connection.prepareStatement(",
                "        \"INSERT INTO calls (migration) VALUES ('v1_jdbc')\")) {",
                "      insert.executeUpdate();",
                "    }",
                "  }",
                "",
                "  @Migration(\"v2_all\")",
                "  static void all(MigrationContext context, Connection connection, Handle handle) {",
                "    handle.execute(\"INSERT INTO calls (migration) VALUES (?)\", context.migrationId());",
                "  }",
                "}");
        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + temp.resolve("godwit.db"));
        try (CompiledOutput output = CompiledOutput.load(compilation, temp.resolve("classes"));
                Handle handle = jdbi.open()) {
            MigrationRegistry registry = onlyRegistry(output);
            handle.execute("CREATE TABLE calls (migration TEXT NOT NULL)");

            // No handle: the generated code must pass the invocation's connection.
            registry.run(0, SimpleInvocation.withConnectionOnly(handle.getConnection(), "v1_jdbc"));
            registry.run(1, new SimpleInvocation(jdbi, handle, "v2_all", new HashMap<>()));

            Assertions.assertThat(handle.createQuery("SELECT migration FROM calls ORDER BY rowid")
                            .mapTo(String.class)
                            .list())
                    .containsExactly("v1_jdbc", "v2_all");
        }
    }

    private CompiledOutput compileFixtures() {
        Compilation compilation = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());
        assertThat(compilation).succeededWithoutWarnings();
        return CompiledOutput.load(compilation, temp.resolve("classes"));
    }

    private static MigrationRegistry onlyRegistry(CompiledOutput output) {
        List<MigrationRegistry> registries = output.registries();
        Assertions.assertThat(registries).hasSize(1);
        return registries.get(0);
    }
}
