package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL-file migrations: discovery in folders and jars, names and variants, statements, and their transactions. */
class SqlMigrationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void sqlFilesAndMethodsRunInOneSequenceInterleavedById(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry()
                .add(
                        "v2_backfill_language",
                        invocation ->
                                invocation.handle().execute("UPDATE books SET language = 'en' WHERE language IS NULL"));

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .sqlLocation("sql/bookshop")
                .registries(registry)
                .build()
                .runAll();

        assertThat(report.hasFailures()).isFalse();
        String variant = kind == DatabaseKind.POSTGRESQL ? "postgresql" : "sqlite";
        assertThat(report.results())
                .extracting(MigrationResult::id, MigrationResult::source)
                .containsExactly(
                        tuple("v1_create_books", "sql/bookshop/v1_create_books.sql"),
                        tuple("v2_backfill_language", "com.example.Migrations#v2_backfill_language"),
                        tuple("v3_require_language", "sql/bookshop/v3_require_language." + variant + ".sql"),
                        tuple("v4_index_titles", "sql/bookshop/v4_index_titles.sql"));
        assertThat(strings(database, "SELECT title || ' ' || language FROM books ORDER BY id"))
                .containsExactly("Moby-Dick; or, The Whale en", "Der Process de");
        assertThatThrownBy(() -> database.execute("INSERT INTO books (id, title) VALUES (3, 'No language')"))
                .hasMessageContaining("language");
        assertThat(database.statuses())
                .containsOnlyKeys("v1_create_books", "v2_backfill_language", "v3_require_language", "v4_index_titles");
    }

    @EachDatabase
    void picksTheVariantForTheConnectedDatabaseElseThePlainFile(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v1.sql",
                "INSERT INTO events VALUES ('v1 plain')",
                "v1.postgresql.sql",
                "INSERT INTO events VALUES ('v1 postgresql')",
                "v1.sqlite.sql",
                "INSERT INTO events VALUES ('v1 sqlite')",
                "v2.sql",
                "INSERT INTO events VALUES ('v2 plain')",
                "v3.postgresql.sql",
                "INSERT INTO events VALUES ('v3 postgresql')",
                "v3.sqlite.sql",
                "INSERT INTO events VALUES ('v3 sqlite')");
        String variant = kind == DatabaseKind.POSTGRESQL ? "postgresql" : "sqlite";

        MigrationReport report = run(database, folder);

        assertThat(database.events()).containsExactly("v1 " + variant, "v2 plain", "v3 " + variant);
        assertThat(report.results())
                .extracting(MigrationResult::source)
                .containsExactly(
                        "db/migration/v1." + variant + ".sql",
                        "db/migration/v2.sql",
                        "db/migration/v3." + variant + ".sql");
    }

    @EachDatabase
    void aMigrationWithVariantsForOtherDatabasesOnlyStopsTheRunBeforeAnythingRuns(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        String other = kind == DatabaseKind.POSTGRESQL ? "sqlite" : "postgresql";
        String mine = kind == DatabaseKind.POSTGRESQL ? "postgresql" : "sqlite";
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v1.sql",
                "INSERT INTO events VALUES ('v1')",
                "v2." + other + ".sql",
                "INSERT INTO events VALUES ('v2')");
        TestRegistry registry = new TestRegistry().event("v0");

        assertThatThrownBy(() -> run(database, folder, registry))
                .isInstanceOf(InvalidSqlMigrationException.class)
                .hasMessageContaining("The SQL migration v2 has variants for other databases only")
                .hasMessageContaining(folder.resolve("db/migration/v2." + other + ".sql")
                        .toUri()
                        .toString())
                .hasMessageContaining("and none for " + mine + ": add v2." + mine + ".sql, or v2.sql")
                .hasMessageEndingWith("Nothing has run.");
        assertThat(registry.runs()).isEmpty();
        assertThat(database.tableExists("godwit_migrations")).isFalse();
        assertThat(database.events()).isEmpty();
    }

    @Test
    void badlyNamedSqlFilesAreAllReportedBeforeAnythingRunsAndOtherFilesAreIgnored() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v1.sql",
                "INSERT INTO events VALUES ('v1')",
                "v2 add column.sql",
                "SELECT 1",
                "V3.SQL",
                "SELECT 1",
                "v5.PostgreSQL.sql",
                "SELECT 1",
                "notes.txt",
                "not a migration",
                "README.md",
                "# Migrations",
                "db/migration/catalog/v6.sql",
                "SELECT 1");
        TestRegistry registry = new TestRegistry().event("v0");

        assertThatThrownBy(() -> run(database, folder, registry))
                .isInstanceOf(InvalidSqlMigrationException.class)
                .hasMessageStartingWith("4 problems with SQL migrations:")
                .hasMessageContaining("The SQL file " + uri(folder, "v2 add column.sql") + " is not named <id>.sql")
                .hasMessageContaining("The SQL file " + uri(folder, "V3.SQL") + " is not named")
                .hasMessageContaining("The SQL file " + uri(folder, "v5.PostgreSQL.sql") + " is not named")
                .hasMessageContaining("The SQL file " + uri(folder, "catalog/v6.sql") + " is in a subfolder of"
                        + " db/migration; SQL migrations must be directly in db/migration")
                .hasMessageNotContaining("notes.txt")
                .hasMessageNotContaining("README.md")
                .satisfies(e -> assertThat(((InvalidSqlMigrationException) e).problems())
                        .hasSize(4));
        assertThat(registry.runs()).isEmpty();
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @Test
    void aNameThatIsAValidIdWithADotIsAPlainMigration() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        Path folder =
                SqlFiles.folder(tempDir.resolve("classes"), "v4.mysql.sql", "INSERT INTO events VALUES ('v4.mysql')");

        MigrationReport report = run(database, folder);

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v4.mysql");
    }

    @EachDatabase
    void readsSqlFilesFromAJar(DatabaseKind kind) throws IOException {
        TestDatabase database = databases.create(kind, tempDir);
        Path jar = SqlFiles.jar(
                tempDir.resolve("catalog.jar"),
                "v1.sql",
                "INSERT INTO events VALUES ('v1 from a jar')",
                "v2.sql",
                "INSERT INTO events VALUES ('v2 from a jar')",
                "com/example/Catalog.class",
                "not read",
                "db/other/v3.sql",
                "not in the location");
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v3.sql", "INSERT INTO events VALUES ('v3')");

        MigrationReport report;
        try (URLClassLoader classLoader = SqlFiles.classLoader(jar, folder)) {
            report = MigrationRunner.builder(database.jdbi())
                    .classLoader(classLoader)
                    .registries()
                    .build()
                    .runAll();
        }

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2", "v3");
        assertThat(database.events()).containsExactly("v1 from a jar", "v2 from a jar", "v3");
    }

    @Test
    void theSameIdInTwoJarsIsADuplicateNamingBothFiles() throws IOException {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        Path first = SqlFiles.jar(tempDir.resolve("catalog.jar"), "v1.sql", "SELECT 1");
        Path second =
                SqlFiles.jar(tempDir.resolve("orders.jar"), "v1.postgresql.sql", "SELECT 1", "v2.sql", "SELECT 2");

        try (URLClassLoader classLoader = SqlFiles.classLoader(first, second)) {
            MigrationRunner runner = MigrationRunner.builder(database.jdbi())
                    .classLoader(classLoader)
                    .registries()
                    .build();

            assertThatThrownBy(runner::runAll)
                    .isInstanceOf(DuplicateMigrationException.class)
                    .hasMessageContaining("Migration ID 'v1' is declared twice: by SQL file jar:"
                            + first.toUri().toURL() + "!/db/migration/v1.sql and by SQL file jar:"
                            + second.toUri().toURL() + "!/db/migration/v1.postgresql.sql.")
                    .hasMessageContaining("rename all but one")
                    .satisfies(e -> assertThat(((DuplicateMigrationException) e).migrationIds())
                            .containsExactly("v1"));
        }
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void aSqlFileAndAMethodWithTheSameIdAreADuplicate(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v2.sql", "SELECT 1", "v3.sql", "SELECT 1");
        TestRegistry registry = new TestRegistry().event("v1").event("v2");

        assertThatThrownBy(() -> run(database, folder, registry))
                .isInstanceOf(DuplicateMigrationException.class)
                .hasMessageContaining("Migration ID 'v2' is declared twice: by com.example.Migrations#v2 (registry "
                        + TestRegistry.class.getName() + ") and by SQL file " + uri(folder, "v2.sql") + ".");
        assertThat(registry.runs()).isEmpty();
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void runsEveryStatementOfFilesWithCommentsQuotesAndBodies(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .sqlLocation("sql/statements")
                .registries()
                .build()
                .runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1_statements", "v2_bodies");
        List<String> notes = strings(database, "SELECT \"body; quoted\" FROM notes ORDER BY id");
        if (kind == DatabaseKind.POSTGRESQL) {
            assertThat(notes)
                    .containsExactly(
                            "a; b",
                            "it's -- not a comment",
                            "/* nor this */",
                            "from a DO block; with a semicolon",
                            "escaped 'quote'; and backslash \\",
                            "counted: 5");
        } else {
            assertThat(notes)
                    .containsExactly(
                            "a; b",
                            "it's -- not a comment",
                            "/* nor this */",
                            "logged by a trigger; with a semicolon!",
                            "five");
            assertThat(strings(database, "SELECT note_id || ' ' || kind FROM note_log ORDER BY note_id"))
                    .containsExactly("4 early;", "5 late; one;");
        }
    }

    @EachDatabase
    void aFailingStatementRollsBackTheWholeFileAndIsRecordedWithItsPosition(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v1.sql",
                "-- Two good statements, then a bad one.\n"
                        + "INSERT INTO events VALUES ('v1 first');\n"
                        + "CREATE TABLE v1_table (x INTEGER);\n"
                        + "\n"
                        + "INSERT INTO\n"
                        + "  no_such_table VALUES (1);\n"
                        + "INSERT INTO events VALUES ('v1 last');\n");
        TestRegistry registry = new TestRegistry().event("v2");

        MigrationReport report = run(database, folder, registry);

        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v2");
        assertThat(database.events()).containsExactly("v2");
        assertThat(database.tableExists("v1_table")).isFalse();
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "failed", "v2", "success"));
        String message = "Statement 3 of db/migration/v1.sql, at line 5, failed (INSERT INTO): ";
        assertThat(database.error("v1"))
                .get()
                .asString()
                .startsWith(SqlStatementException.class.getName() + ": " + message)
                .contains("no_such_table");
        assertThat(report.failed().get(0).error())
                .get(InstanceOfAssertFactories.type(SqlStatementException.class))
                .satisfies(e -> {
                    assertThat(e.resource()).isEqualTo("db/migration/v1.sql");
                    assertThat(e.statement()).isEqualTo(3);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e).hasMessageStartingWith(message).hasCauseInstanceOf(java.sql.SQLException.class);
                });
    }

    @EachDatabase
    void transactionControlInAFileFailsItBeforeAnyOfItRuns(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v1.sql",
                "INSERT INTO events VALUES ('v1');\nCOMMIT;\nINSERT INTO events VALUES ('after commit');");

        MigrationReport report = run(database, folder);

        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.events()).isEmpty();
        assertThat(database.error("v1"))
                .get()
                .asString()
                .contains("Statement 2 of db/migration/v1.sql, at line 2, controls the transaction (COMMIT)")
                .contains("remove BEGIN, COMMIT, END and ROLLBACK from the file");
    }

    @EachDatabase
    void aFileWithoutStatementsSucceeds(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"), "v1.sql", "-- Nothing to do on this database yet.\n", "v2.sql", "");

        MigrationReport report = run(database, folder);

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success", "v2", "success"));
    }

    @Test
    void sqlTextReachesTheDatabaseUnchanged() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        // JDBI would take the ? operator for a parameter, and JDBC escape processing would rewrite {d '...'}.
        Path folder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v1.sql",
                "INSERT INTO events SELECT 'has a' WHERE '{\"a\": 1}'::jsonb ? 'a';\n"
                        + "INSERT INTO events SELECT 'no escapes' WHERE 'x' <> $x${d '2024-01-01'}$x$;");

        MigrationReport report = run(database, folder);

        assertThat(report.applied()).hasSize(1);
        assertThat(database.events()).containsExactly("has a", "no escapes");
    }

    @Test
    void aLocationThatIsNeitherAFolderNorInAJarIsAnErrorNamingItsUrl() throws IOException {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        URL remote = new URL("http://example.com/classes/db/migration");
        ClassLoader classLoader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) {
                return Collections.enumeration(name.equals("db/migration") ? List.of(remote) : List.of());
            }
        };

        assertThatThrownBy(() -> MigrationRunner.builder(database.jdbi())
                        .classLoader(classLoader)
                        .registries()
                        .build()
                        .runAll())
                .isInstanceOf(InvalidSqlMigrationException.class)
                .hasMessageContaining("is at http://example.com/classes/db/migration, which Godwit cannot list")
                .hasMessageContaining("folders (file: URLs) and jars (jar: URLs)");
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void anAbsentLocationMeansNoSqlMigrations(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .sqlLocation("no/such/folder")
                .registries(new TestRegistry().event("v1"))
                .build()
                .runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/db/migration",
                "db/migration/",
                "db//migration",
                "../migration",
                "db/./migration",
                "classpath:db/migration",
                "db\\migration",
                "db migration"
            })
    void rejectsASqlLocationThatIsNotAResourcePath(String location) {
        MigrationRunner.Builder builder = MigrationRunner.builder(Jdbi.create("jdbc:sqlite::memory:"));

        assertThatThrownBy(() -> builder.sqlLocation(location))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'" + location + "'")
                .hasMessageContaining("MigrationRunner.Builder.sqlLocation(String)")
                .hasMessageContaining("such as db/migration");
    }

    @Test
    void acceptsASqlLocationThatIsAResourcePath() {
        MigrationRunner.Builder builder = MigrationRunner.builder(Jdbi.create("jdbc:sqlite::memory:"));

        assertThat(builder.sqlLocation("db/migration")).isSameAs(builder);
        assertThat(builder.sqlLocation("migrations")).isSameAs(builder);
        assertThat(builder.sqlLocation("com/example/sql-v1.2_x")).isSameAs(builder);
    }

    private static List<String> strings(TestDatabase database, String query) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery(query).mapTo(String.class).list());
    }

    private static String uri(Path folder, String name) {
        return folder.resolve(SqlFiles.LOCATION).resolve(name).toUri().toString();
    }

    /**
     * One JVM running again, as a test suite or a warm restart does: the registries found on the class path are kept,
     * but SQL files are read anew, so an edited or added file counts.
     */
    @EachDatabase
    void aRunSeesTheSqlFilesEditedOrAddedSinceTheLastRunInTheSameJvm(DatabaseKind kind) throws IOException {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v1.sql", "INSERT INTO events VALUES ('v1')");
        try (URLClassLoader classLoader = SqlFiles.classLoader(folder)) {
            MigrationRunner runner = MigrationRunner.builder(database.jdbi())
                    .classLoader(classLoader)
                    .build();

            MigrationReport first = runner.runAll();
            MigrationReport unchanged = runner.runAll();
            SqlFiles.folder(
                    folder,
                    "v1.sql",
                    "INSERT INTO events VALUES ('v1 edited')",
                    "v2.sql",
                    "INSERT INTO events VALUES ('v2')");
            MigrationReport second = runner.runAll();

            assertThat(first.applied()).extracting(MigrationResult::id).containsExactly(DiscoveredRegistry.ID, "v1");
            assertThat(unchanged.alreadyApplied()).hasSize(2);
            assertThat(second.applied()).extracting(MigrationResult::id).containsExactly("v2");
            assertThat(runner.status())
                    .filteredOn(status -> status.id().equals("v1"))
                    .extracting(MigrationStatus::state)
                    .containsExactly(MigrationState.CHANGED);
            assertThat(database.events()).containsExactly(DiscoveredRegistry.ID, "v1", "v2");
        }
    }

    /** Runs the SQL files of a class path folder and the registries. */
    static MigrationReport run(TestDatabase database, Path folder, MigrationRegistry... registries) {
        try (URLClassLoader classLoader = SqlFiles.classLoader(folder)) {
            return MigrationRunner.builder(database.jdbi())
                    .classLoader(classLoader)
                    .registries(registries)
                    .build()
                    .runAll();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
