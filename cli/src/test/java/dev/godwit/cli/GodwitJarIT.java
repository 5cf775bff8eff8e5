package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained jar, as built by {@code mvn package}: run with {@code java -jar}, it has no migrations of its own
 * and runs the application's given with {@code --classpath}.
 */
class GodwitJarIT {

    private static final Path JAR = Path.of(System.getProperty("godwit.cli.jar", "target/godwit-cli-all.jar"));

    @TempDir
    Path tempDir;

    @Test
    void jarHasAMainClassBothDriversAndNoMigrations() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(Godwit.class.getName());
            assertThat(jar.getEntry("META-INF/services/dev.godwit.runtime.MigrationRegistry"))
                    .isNull();
            assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("db/migration/"));
            assertThat(read(jar, "META-INF/services/java.sql.Driver"))
                    .as("service files merged, not overwritten")
                    .contains("org.postgresql.Driver", "org.sqlite.JDBC");
        }
    }

    @Test
    void migratesAndReportsTheApplicationOnItsClassPathOption() throws IOException {
        String url = "jdbc:sqlite:" + tempDir.resolve("library.db");
        String application = CliProcess.testClasses().toString();
        CliProcess godwit = CliProcess.jar(JAR);

        CliProcess.Result alone = godwit.run("migrate", "--url", url);
        assertThat(alone.exitCode()).as("%s", alone).isZero();
        assertThat(alone.out()).startsWith("0 migrations in ");
        assertThat(alone.err()).contains("no migrations found on the class path");

        CliProcess.Result migrate = godwit.run("migrate", "--url", url, "--classpath", application);
        assertThat(migrate.exitCode()).as("%s", migrate).isZero();
        assertThat(migrate.out())
                .contains("v1_create_books", "v2_create_authors")
                .contains(": 4 applied, 0 failed");
        assertThat(migrate.err()).isEmpty();

        CliProcess.Result status = godwit.run("status", "--url", url, "--classpath", application, "--format", "json");
        assertThat(status.exitCode()).as("%s", status).isZero();
        JsonNode migrations = new ObjectMapper().readTree(status.out()).get("migrations");
        assertThat(migrations.findValuesAsText("state")).hasSize(4).containsOnly("succeeded");
    }

    private static String read(JarFile jar, String entry) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
