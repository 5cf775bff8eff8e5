package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code godwit new}: the next ID in the project's style, the template, and never an overwritten file. */
class NewCommandTest {

    @TempDir
    Path project;

    @Test
    void emptyProjectStartsAtV1InTheDefaultFolderOfTheWorkingDirectory() throws IOException {
        // A real process: the default --dir is relative to where the command runs.
        CliProcess.Result result =
                CliProcess.onTestClassPath().withoutTestClasses().in(project).run("new", "Add", "user roles!");

        assertThat(result.exitCode()).as("%s", result).isZero();
        Path file = Path.of("src/main/resources/db/migration/v1_add_user_roles.sql");
        assertThat(result.out()).isEqualTo(file + "\n");
        assertThat(Files.readString(project.resolve(file)))
                .startsWith("-- v1_add_user_roles: Add user roles!\n")
                .contains("do not add BEGIN,\n-- COMMIT or ROLLBACK")
                .contains("--   DELETE FROM godwit_migrations WHERE id = 'v1_add_user_roles';\n");
    }

    @Test
    void paddedStyleForTheFirstMigration() {
        CliProcess.Result result = newMigration("--style", "001", "init schema");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(files()).containsExactly("001_init_schema.sql");
    }

    @Test
    void afterV9ComesV10() throws IOException {
        write("v2_x.sql", "v9_add_index.postgresql.sql", "v10.txt");

        CliProcess.Result result = newMigration("Backfill language");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(files()).contains("v10_backfill_language.sql");
    }

    @Test
    void afterPadded009Comes010AndAfter999Comes1000() throws IOException {
        write("001_init.sql", "009_x.sql");
        assertThat(newMigration("next one").exitCode()).isZero();
        assertThat(files()).contains("010_next_one.sql");

        write("999_late.sqlite.sql");
        assertThat(newMigration("the thousandth").exitCode()).isZero();
        assertThat(files()).contains("1000_the_thousandth.sql");
    }

    @Test
    void numbersAfterTheRegistriesOfTheClassPath() {
        CliProcess.Result result = InProcessCli.runWithoutApplication(
                "new",
                "--dir",
                project.toString(),
                "--classpath",
                CliProcess.testClasses().toString(),
                "--java",
                "add isbn");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out())
                .isEqualTo("import dev.godwit.Migration;\n"
                        + "import org.jdbi.v3.core.Handle;\n"
                        + "\n"
                        + "    /** add isbn. */\n"
                        + "    @Migration(\"v5_add_isbn\")\n"
                        + "    static void addIsbn(Handle handle) {\n"
                        + "        // Runs in one transaction with the migration's tracking row: do not commit or roll"
                        + " back.\n"
                        + "        throw new UnsupportedOperationException(\"Not written yet: v5_add_isbn\");\n"
                        + "    }\n");
        assertThat(files()).as("--java writes nothing").isEmpty();
    }

    @Test
    void refusesToOverwriteAnExistingMigration() throws IOException {
        Files.writeString(project.resolve("v1_init.sql"), "CREATE TABLE t (x INTEGER);\n");

        CliProcess.Result result = newMigration("--id", "v1_init", "init");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo(
                        "godwit: error: The migration ID v1_init is already used by " + project.resolve("v1_init.sql")
                                + "; nothing was written. Choose another ID, or leave out --id for the next one.\n");
        assertThat(Files.readString(project.resolve("v1_init.sql"))).isEqualTo("CREATE TABLE t (x INTEGER);\n");
    }

    @Test
    void aDescriptionWithoutLettersIsAUsageError() {
        CliProcess.Result result = newMigration("--", "!!!");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has no letter or digit");
        assertThat(files()).isEmpty();
    }

    private CliProcess.Result newMigration(String... args) {
        String[] command = Stream.concat(Stream.of("new", "--dir", project.toString()), Stream.of(args))
                .toArray(String[]::new);
        return InProcessCli.runWithoutApplication(command);
    }

    private void write(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(project.resolve(name), "-- test\n", StandardCharsets.UTF_8);
        }
    }

    private List<String> files() {
        try (Stream<Path> files = Files.list(project)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
