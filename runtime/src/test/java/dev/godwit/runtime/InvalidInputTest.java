package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.internal.database.DatabaseSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options, registries and databases the runner refuses, each before it changes anything. */
class InvalidInputTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1migrations",
                "godwit-migrations",
                "godwit migrations",
                "migrations;DROP TABLE books",
                "\"quoted\"",
                "a.b.c",
                ".migrations",
                "app.",
                "tåble",
                "a234567890123456789012345678901234567890123456789012345678901234"
            })
    void rejectsATableNameThatIsNotAnIdentifier(String name) {
        MigrationRunner.Builder builder = MigrationRunner.builder(Jdbi.create("jdbc:sqlite::memory:"));

        assertThatThrownBy(() -> builder.table(name))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("MigrationRunner.Builder.table(String)")
                .hasMessageContaining("[A-Za-z_][A-Za-z0-9_]* of at most 63 characters")
                .hasMessageContaining("schema.table");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "migrations",
                "_migrations",
                "App_Migrations2",
                "app.migrations",
                "a23456789012345678901234567890123456789012345678901234567890123"
            })
    void acceptsATableNameThatIsAnIdentifier(String name) {
        MigrationRunner.Builder builder = MigrationRunner.builder(Jdbi.create("jdbc:sqlite::memory:"));

        assertThat(builder.table(name)).isSameAs(builder);
    }

    @Test
    void rejectsARegistryThatReturnsNoList() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        MigrationRegistry broken = new TestRegistry() {
            @Override
            public List<MigrationDefinition> migrations() {
                return null;
            }
        };

        assertThatThrownBy(() -> run(database, new TestRegistry().event("v1"), broken))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining(broken.getClass().getName())
                .hasMessageContaining("returned null from migrations()");
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @Test
    void rejectsARegistryThatListsNull() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        MigrationRegistry broken = new TestRegistry() {
            @Override
            public List<MigrationDefinition> migrations() {
                return new ArrayList<>(Arrays.asList(MigrationDefinition.code("v1", "com.example.A#a"), null));
            }
        };

        assertThatThrownBy(() -> run(database, broken))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining("lists null at position 1");
    }

    @Test
    void rejectsARegistryThatCannotListItsMigrations() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        MigrationRegistry broken = new TestRegistry() {
            @Override
            public List<MigrationDefinition> migrations() {
                throw new NoClassDefFoundError("com/example/Gone");
            }
        };

        assertThatThrownBy(() -> run(database, broken))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining("failed to list its migrations")
                .hasCauseInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void rejectsAnIdDeclaredTwiceInOneRegistryNamingEveryDuplicate() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        TestRegistry registry = new TestRegistry()
                .event("v2")
                .event("v1")
                .event("v2")
                .event("v1")
                .event("v1");

        assertThatThrownBy(() -> run(database, registry))
                .isInstanceOf(DuplicateMigrationException.class)
                .hasMessageContaining("Migration ID 'v1' is declared 3 times")
                .hasMessageContaining("Migration ID 'v2' is declared twice")
                .satisfies(e -> assertThat(((DuplicateMigrationException) e).migrationIds())
                        .containsExactly("v1", "v2"));
        assertThat(registry.runs()).isEmpty();
    }

    @EachDatabase
    void rejectsConnectionsThatAreAlreadyInATransaction(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Jdbi withoutAutoCommit = Jdbi.create(() -> {
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            return connection;
        });

        assertThatThrownBy(() -> run(withoutAutoCommit, new TestRegistry().event("v1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("already in a transaction (auto-commit off)")
                .hasMessageContaining("auto-commit mode");
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @Test
    void recognizesTheSupportedDatabasesByTheirDriversProductName() {
        assertThat(DatabaseSupport.kindOf("PostgreSQL")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseSupport.kindOf("SQLite")).isEqualTo(DatabaseKind.SQLITE);
    }

    @Test
    void rejectsAnotherDatabaseNamingItAndTheSupportedOnes() {
        assertThatThrownBy(() -> DatabaseSupport.kindOf("MySQL"))
                .isInstanceOf(UnsupportedDatabaseException.class)
                .hasMessage(
                        "Unsupported database 'MySQL' (as its JDBC driver names it): Godwit runs migrations on"
                                + " PostgreSQL and SQLite. Give MigrationRunner a Jdbi or DataSource that connects to one of them.")
                .satisfies(e -> assertThat(((UnsupportedDatabaseException) e).productName())
                        .isEqualTo("MySQL"));
    }

    /** Only with an in-memory database already on the test class path; none is added for this test alone. */
    @Test
    void rejectsARealOtherDatabase() {
        String url = firstAvailable(
                "org.h2.Driver", "jdbc:h2:mem:godwit",
                "org.hsqldb.jdbc.JDBCDriver", "jdbc:hsqldb:mem:godwit",
                "org.apache.derby.jdbc.EmbeddedDriver", "jdbc:derby:memory:godwit;create=true");
        Assumptions.assumeTrue(url != null, "no other JDBC database on the test class path");

        assertThatThrownBy(() -> MigrationRunner.builder(Jdbi.create(url))
                        .registries(new TestRegistry().event("v1"))
                        .build()
                        .runAll())
                .isInstanceOf(UnsupportedDatabaseException.class);
    }

    private static String firstAvailable(String... driversAndUrls) {
        for (int i = 0; i < driversAndUrls.length; i += 2) {
            try {
                Class.forName(driversAndUrls[i]);
                return driversAndUrls[i + 1];
            } catch (ClassNotFoundException e) {
                // not on the class path: try the next
            }
        }
        return null;
    }

    private static MigrationReport run(TestDatabase database, MigrationRegistry... registries) {
        return run(database.jdbi(), registries);
    }

    private static MigrationReport run(Jdbi jdbi, MigrationRegistry... registries) {
        return MigrationRunner.builder(jdbi).registries(registries).build().runAll();
    }
}
