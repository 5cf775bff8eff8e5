package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compileWithJavac;
import static dev.godwit.processor.Compilations.compileWithOptions;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A method's ID that a SQL migration file already has, where the compiler can see the file. */
class SqlClashTest {

    private static final String METHOD = "com.example.Migrations#createBooks";

    @TempDir
    Path temp;

    @Test
    void sqlFileInTheClassOutputIsAnErrorOnTheId() throws IOException {
        // Maven's layout: resources are copied to the class output before javac runs.
        Path output = sqlFile("classes", "db/migration/v1_create_books.sql");
        JavaFileObject migrations = migrations();

        List<Diagnostic<? extends JavaFileObject>> diagnostics = compileWithJavac(output, List.of(), migrations);

        Assertions.assertThat(diagnostics).hasSize(1);
        Diagnostic<? extends JavaFileObject> error = diagnostics.get(0);
        Assertions.assertThat(error.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
        Assertions.assertThat(error.getMessage(null))
                .isEqualTo(Messages.sqlClash("v1_create_books", METHOD, List.of("db/migration/v1_create_books.sql")));
        Assertions.assertThat(error.getSource()).isSameAs(migrations);
        Assertions.assertThat(error.getLineNumber()).isEqualTo(6);
        Assertions.assertThat(output.resolve("META-INF/services/dev.godwit.runtime.MigrationRegistry"))
                .doesNotExist();
    }

    @Test
    void sqlFileOnTheSourcePathIsAnErrorOnTheId() throws IOException {
        Path sources = sqlFile("sources", "db/migration/v1_create_books.sql");
        JavaFileObject migrations = migrations();

        Compilation compilation = compileWithOptions(List.of("-sourcepath", sources.toString()), migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.sqlClash("v1_create_books", METHOD, List.of("db/migration/v1_create_books.sql")))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void databaseVariantsAreNamedInOneError() throws IOException {
        Path sources = sqlFile("sources", "db/migration/v1_create_books.postgresql.sql");
        sqlFile("sources", "db/migration/v1_create_books.sqlite.sql");
        JavaFileObject migrations = migrations();

        Compilation compilation = compileWithOptions(List.of("-sourcepath", sources.toString()), migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.sqlClash(
                        "v1_create_books",
                        METHOD,
                        List.of(
                                "db/migration/v1_create_books.postgresql.sql",
                                "db/migration/v1_create_books.sqlite.sql")))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void sqlFilesWithOtherIdsAreFine() throws IOException {
        Path sources = sqlFile("sources", "db/migration/v2_add_language.sql");
        sqlFile("sources", "db/migration/v1_create_books_later.sql");

        Compilation compilation = compileWithOptions(List.of("-sourcepath", sources.toString()), migrations());

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void optionMovesTheLocationThatIsSearched() throws IOException {
        Path sources = sqlFile("sources", "db/sql/v1_create_books.sql");
        JavaFileObject migrations = migrations();

        Compilation compilation = compileWithOptions(
                List.of("-sourcepath", sources.toString(), "-Agodwit.sqlLocation=db/sql"), migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.sqlClash("v1_create_books", METHOD, List.of("db/sql/v1_create_books.sql")))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void defaultLocationIsNotSearchedWhenTheOptionNamesAnother() throws IOException {
        Path sources = sqlFile("sources", "db/migration/v1_create_books.sql");

        Compilation compilation = compileWithOptions(
                List.of("-sourcepath", sources.toString(), "-Agodwit.sqlLocation=db/sql"), migrations());

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void malformedLocationIsAnError() {
        for (String location : List.of("classpath:db/migration", "/db/migration", "db/migration/", "db/../x", "")) {
            Compilation compilation = compileWithOptions(List.of("-Agodwit.sqlLocation=" + location), migrations());

            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation).hadErrorContaining(Messages.invalidSqlLocation(SqlFiles.OPTION, location));
        }
    }

    private static JavaFileObject migrations() {
        return source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1_create_books\")",
                "    static void createBooks() {}",
                "}");
    }

    /** Creates a SQL file under {@code temp/directory} and returns that directory. */
    private Path sqlFile(String directory, String path) throws IOException {
        Path root = temp.resolve(directory);
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "CREATE TABLE books (id INTEGER PRIMARY KEY);\n");
        return root;
    }
}
