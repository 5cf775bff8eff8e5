package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.generatedSource;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The rules of {@code runUntil} and {@code after}, each error under the offending value. */
class AttributeRulesTest {

    private static JavaFileObject migrations(String... annotatedMethods) {
        String[] lines = new String[annotatedMethods.length + 6];
        lines[0] = "package com.example;";
        lines[1] = "";
        lines[2] = "import dev.godwit.Migration;";
        lines[3] = "";
        lines[4] = "final class Migrations {";
        System.arraycopy(annotatedMethods, 0, lines, 5, annotatedMethods.length);
        lines[lines.length - 1] = "}";
        return source("com.example.Migrations", lines);
    }

    @Test
    void runUntilThatIsNotAnInstantIsAnError() {
        JavaFileObject source = migrations(
                "    @Migration(value = \"v1\", runUntil = \"2027-03-01\") static void first() {}",
                "    @Migration(value = \"v2\", runUntil = \"2027-03-01T00:00:00Z\") static void second() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.invalidRunUntil("com.example.Migrations#first", "2027-03-01"))
                .inFile(source)
                .onLine(6)
                .atColumn(41);
    }

    @Test
    void unknownPrerequisiteIsAnError() {
        JavaFileObject source = migrations(
                "    @Migration(\"v4_add_isbn_column\") static void addColumn() {}",
                "    @Migration(value = \"v5_fill_isbn\", after = {\"v4_add_isbn_column\", \"v3_nowhere\"})",
                "    static void fill() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.unknownPrerequisite(
                        "v5_fill_isbn", "com.example.Migrations#fill", "v3_nowhere", "db/migration"))
                .inFile(source)
                .onLine(7)
                .atColumn(71);
    }

    @Test
    void prerequisiteThatSortsAfterTheMigrationIsAnError() {
        JavaFileObject source = migrations(
                "    @Migration(value = \"v2\", after = \"v10\") static void first() {}",
                "    @Migration(\"v10\") static void second() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.latePrerequisite("v2", "com.example.Migrations#first", "v10"))
                .inFile(source)
                .onLine(6);
    }

    @Test
    void migrationThatIsItsOwnPrerequisiteIsAnError() {
        JavaFileObject source = migrations("    @Migration(value = \"v1\", after = \"v1\") static void first() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.latePrerequisite("v1", "com.example.Migrations#first", "v1"))
                .inFile(source)
                .onLine(6);
        Assertions.assertThat(Messages.latePrerequisite("v1", "m", "v1")).contains("which is itself");
    }

    @Test
    void aCycleIsReportedOnTheMigrationWhosePrerequisiteSortsAfterIt() {
        JavaFileObject source = migrations(
                "    @Migration(value = \"v1\", after = \"v2\") static void first() {}",
                "    @Migration(value = \"v2\", after = \"v1\") static void second() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.latePrerequisite("v1", "com.example.Migrations#first", "v2"))
                .inFile(source)
                .onLine(6);
    }

    @Test
    void invalidPrerequisiteIdIsAnError() {
        JavaFileObject source = migrations("    @Migration(value = \"v2\", after = \"v 1\") static void first() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.invalidPrerequisite("com.example.Migrations#first", "v 1"))
                .inFile(source)
                .onLine(6);
    }

    @Test
    void prerequisitesOfThisRegistryAreItsConstants() {
        JavaFileObject source = migrations(
                "    @Migration(\"v4_add_isbn_column\") static void addColumn() {}",
                "    @Migration(value = \"v5_fill_isbn\", after = \"v4_add_isbn_column\", runUntil = \"2027-03-01T00:00:00Z\")",
                "    static void fill() {}");

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.GodwitRegistry"))
                .contains("{\"v5_fill_isbn\", \"com.example.Migrations#fill\", ")
                .contains("migrations.set(1, migrations.get(1)"
                        + ".withRunUntil(Instant.parse(\"2027-03-01T00:00:00Z\")).withAfter(V4_ADD_ISBN_COLUMN));");
    }
}
