package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.compileWithClassPath;
import static dev.godwit.processor.Compilations.compileWithOptions;
import static dev.godwit.processor.Compilations.servicesFile;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
    }

    @Test
    void registryNameTakenOnTheClassPathIsAnError() {
        Path library = compileLibrary();

        Compilation compilation = compileWithClassPath(library, List.of(), refundMigrations());

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.registryExists("com.example.billing.GodwitRegistry", RegistryName.OPTION));
    }

    @Test
    void registryNamedByTheOptionAvoidsTheClash() {
        Path library = compileLibrary();

        Compilation compilation = compileWithClassPath(
                library, List.of("-Agodwit.registry=com.example.billing.RefundRegistry"), refundMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.billing.RefundRegistry");
    }

    @Test
    void registryOfAnEarlierBuildInTheSameOutputIsNoClash() throws IOException {
        Path sources = temp.resolve("src/com/example/catalog/CatalogMigrations.java");
        Files.createDirectories(sources.getParent());
        Files.writeString(sources, Fixtures.catalogMigrations().getCharContent(true));
        Path output = Files.createDirectories(temp.resolve("classes"));

        List<String> first = compileIntoOwnClassPath(sources, output);
        Assertions.assertThat(output.resolve("com/example/catalog/GodwitRegistry.class"))
                .exists();
        List<String> second = compileIntoOwnClassPath(sources, output);

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

    /**
     * Compiles as Maven and IDEs do on a rebuild without cleaning: into an output directory that is also on the
     * class path. Returns the diagnostics.
     */
    private static List<String> compileIntoOwnClassPath(Path source, Path output) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-d",
                    output.toString(),
                    "-classpath",
                    output + File.pathSeparator + System.getProperty("java.class.path"),
                    Compilations.LINT);
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile()));
            task.setProcessors(List.of(new MigrationProcessor()));
            task.call();
        }
        List<String> messages = new ArrayList<>();
        diagnostics.getDiagnostics().forEach(diagnostic -> messages.add(diagnostic.toString()));
        return messages;
    }
}
