package dev.godwit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated migrations: Godwit with JDBC must run the very bodies of Flyway and the JDBC loop, and no JDBI; the
 * JDBI loop the very bodies of Godwit with {@code Handle}.
 */
class SourceGeneratorTest {

    @Test
    void godwitJdbcRunsTheLoopsBodyOnTheMigrationsConnection(@TempDir Path temp) throws Exception {
        SourceGenerator.godwitJdbc(temp.resolve("godwit-jdbc"), 3, 2);
        SourceGenerator.jdbcLoop(temp.resolve("jdbc"), 3);

        String first = Files.readString(temp.resolve("godwit-jdbc/bench/godwitjdbc/Migrations000.java"));
        String second = Files.readString(temp.resolve("godwit-jdbc/bench/godwitjdbc/Migrations001.java"));
        String loop = Files.readString(temp.resolve("jdbc/bench/jdbc/Migrations000.java"));
        assertThat(first)
                .startsWith("package bench.godwitjdbc;\n")
                .contains("    @Migration(\"v0\")\n    static void v0(Connection connection) throws SQLException {\n"
                        + SourceGenerator.body(0, "connection", "        ") + "    }\n")
                .contains("    static void v1(Connection connection) throws SQLException {\n"
                        + SourceGenerator.body(1, "connection", "        ") + "    }\n")
                .doesNotContain("jdbi", "Handle", "v2(");
        assertThat(second).contains("v2(", "v3(").doesNotContain("v1(");
        for (int i = 0; i <= 3; i++) {
            assertThat(loop).contains(SourceGenerator.body(i, "connection", "                    "));
        }
    }

    @Test
    void jdbiLoopRunsGodwitsHandleBodiesInTheJdbcLoopsLists(@TempDir Path temp) throws Exception {
        SourceGenerator.godwit(temp.resolve("godwit"), 150, SourceGenerator.METHODS_PER_CLASS);
        SourceGenerator.jdbcLoop(temp.resolve("jdbc"), 150);
        SourceGenerator.jdbiLoop(temp.resolve("jdbi"), 150);

        String godwit = Files.readString(temp.resolve("godwit/bench/godwit/Migrations000.java"));
        for (String name : new String[] {"Migrations000", "Migrations001", "AllMigrations"}) {
            String jdbc = Files.readString(temp.resolve("jdbc/bench/jdbc/" + name + ".java"));
            String jdbi = Files.readString(temp.resolve("jdbi/bench/jdbi/" + name + ".java"));
            assertThat(jdbi)
                    .startsWith("package bench.jdbi;\n")
                    .contains("import dev.godwit.bench.jdbc.JdbiMigration;\n");
            // The same lists as the JDBC loop's, one migration type for the other.
            assertThat(jdbi.lines().filter(line -> line.contains("new JdbiMigration(\"v")))
                    .hasSameSizeAs(jdbc.lines()
                            .filter(line -> line.contains("new JdbcMigration(\"v"))
                            .toList());
            assertThat(jdbi).doesNotContain("JdbcMigration", "Connection", "PreparedStatement");
        }
        String first = Files.readString(temp.resolve("jdbi/bench/jdbi/Migrations000.java"));
        String second = Files.readString(temp.resolve("jdbi/bench/jdbi/Migrations001.java"));
        for (int i : new int[] {0, 1, 99}) {
            // Godwit's body, line for line, in a lambda on the handle.
            String body = SourceGenerator.handleBody(i, "");
            assertThat(godwit).contains("        " + body);
            assertThat(first)
                    .contains("new JdbiMigration(\"v" + i + "\", handle -> {\n                    " + body
                            + "                })");
        }
        assertThat(second)
                .contains("new JdbiMigration(\"v100\", handle -> {\n", "\"v150\"")
                .doesNotContain("\"v99\"");
        assertThat(Files.readString(temp.resolve("jdbi/bench/jdbi/AllMigrations.java")))
                .contains(
                        "public final class AllMigrations implements Supplier<List<JdbiMigration>> {\n",
                        "List<JdbiMigration> all = new ArrayList<>(151);\n",
                        "        all.addAll(Migrations000.migrations());\n"
                                + "        all.addAll(Migrations001.migrations());\n");
    }

    @Test
    void bothGodwitVariantsHaveTheSameClassesInTheirOwnPackages(@TempDir Path temp) throws Exception {
        SourceGenerator.godwit(temp.resolve("handle"), 250, 100);
        SourceGenerator.godwitJdbc(temp.resolve("jdbc"), 250, 100);

        for (String name : new String[] {"Migrations000", "Migrations001", "Migrations002"}) {
            assertThat(Files.readString(temp.resolve("handle/bench/godwit/" + name + ".java")))
                    .contains("(Handle handle) {\n        handle.execute(");
            assertThat(Files.readString(temp.resolve("jdbc/bench/godwitjdbc/" + name + ".java")))
                    .contains("(Connection connection) throws SQLException {\n");
        }
        assertThat(temp.resolve("handle/bench/godwit/Migrations003.java")).doesNotExist();
        assertThat(temp.resolve("jdbc/bench/godwitjdbc/Migrations003.java")).doesNotExist();
    }
}
