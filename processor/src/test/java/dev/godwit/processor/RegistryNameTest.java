package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.compileWithClassPath;
import static dev.godwit.processor.Compilations.compileWithJavac;
import static dev.godwit.processor.Compilations.compileWithOptions;
import static dev.godwit.processor.Compilations.generatedSource;
import static dev.godwit.processor.Compilations.servicesFile;
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

class RegistryNameTest {

    @TempDir
    Path temp;

    @Test
    void optionNamesTheRegistry() {
        Compilation compilation = compileWithOptions(
                List.of("-Agodwit.registry=com.example.app.AppMigrations"),
                Fixtures.catalogMigrations(),
                Fixtures.billingMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.app.AppMigrations");
        assertThat(compilation).generatedSourceFile("dev.godwit.generated.GodwitIndex_com_example_app_AppMigrations");
        Assertions.assertThat(servicesFile(compilation)).isEqualTo("com.example.app.AppMigrations\n");
    }

    @Test
    void malformedOptionIsAnError() {
        Compilation compilation = compileWithOptions(
                List.of("-Agodwit.registry=com.example.3rd.Migrations"), Fixtures.catalogMigrations());

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.invalidRegistryName(RegistryName.OPTION, "com.example.3rd.Migrations"));
    }

    @Test
    void emptyOptionIsAnError() {
        Compilation compilation = compileWithOptions(List.of("-Agodwit.registry="), Fixtures.catalogMigrations());

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Messages.invalidRegistryName(RegistryName.OPTION, ""));
    }

    @Test
    void classInTheUnnamedPackageCannotBeReachedFromARegistryInAPackage() {
        JavaFileObject unpackaged = source(
                "Unpackaged",
                "import dev.godwit.Migration;",
                "",
                "class Unpackaged {",
                "    @Migration(\"v1\") static void first() {}",
                "}");

        Compilation compilation =
                compileWithOptions(List.of("-Agodwit.registry=com.example.app.AppMigrations"), unpackaged);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.unnamedPackage("Unpackaged", "com.example.app.AppMigrations", RegistryName.OPTION))
                .inFile(unpackaged)
                .onLine(3);
    }

    @Test
    void classesInTheUnnamedPackageGetARegistryThere() {
        JavaFileObject unpackaged = source(
                "Unpackaged",
                "import dev.godwit.Migration;",
                "",
                "class Unpackaged {",
                "    @Migration(\"v1\") static void first() {}",
                "}");

        Compilation compilation = compile(unpackaged, Fixtures.catalogMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("GodwitRegistry");
        Assertions.assertThat(generatedSource(compilation, "dev.godwit.generated.GodwitIndex_GodwitRegistry"))
                .contains("registry {@code GodwitRegistry} of this jar", "REGISTRY = \"GodwitRegistry\";");
    }

    @Test
    void registryNameTakenOnTheClassPathIsAnError() {
        Path library = compileLibrary();

        Compilation compilation = compileWithClassPath(List.of(library), List.of(), refundMigrations());

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.registryExists("com.example.billing.GodwitRegistry", RegistryName.OPTION));
    }

    @Test
    void registryNamedByTheOptionAvoidsTheClash() {
        Path library = compileLibrary();

        Compilation compilation = compileWithClassPath(
                List.of(library), List.of("-Agodwit.registry=com.example.billing.RefundRegistry"), refundMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.billing.RefundRegistry");
    }

    /** The index too: its registry's IDs, read from the old class file, are this compilation's own. */
    @Test
    void registryAndIndexOfAnEarlierBuildInTheSameOutputAreNoClash() throws IOException {
        Path output = Files.createDirectories(temp.resolve("classes"));

        List<Diagnostic<? extends JavaFileObject>> first =
                compileWithJavac(output, List.of(), Fixtures.catalogMigrations());
        Assertions.assertThat(output.resolve("com/example/catalog/GodwitRegistry.class"))
                .exists();
        Assertions.assertThat(
                        output.resolve("dev/godwit/generated/GodwitIndex_com_example_catalog_GodwitRegistry.class"))
                .exists();
        List<Diagnostic<? extends JavaFileObject>> second =
                compileWithJavac(output, List.of(), Fixtures.catalogMigrations());

        Assertions.assertThat(first).isEmpty();
        Assertions.assertThat(second).isEmpty();
        Assertions.assertThat(output.resolve("META-INF/services/dev.godwit.runtime.MigrationRegistry"))
                .hasContent("com.example.catalog.GodwitRegistry");
    }

    /** A library jar with its own migrations, and so its own {@code com.example.billing.GodwitRegistry}. */
    private Path compileLibrary() {
        Compilation library = compile(Fixtures.billingMigrations());
        assertThat(library).succeededWithoutWarnings();
        return CompiledOutput.write(library, temp.resolve("library"));
    }

    private static JavaFileObject refundMigrations() {
        return source(
                "com.example.billing.RefundMigrations",
                "package com.example.billing;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class RefundMigrations {",
                "    @Migration(\"v3_create_refunds\") static void createRefunds() {}",
                "}");
    }
}
