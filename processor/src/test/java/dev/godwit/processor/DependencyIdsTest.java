package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compileWithClassPath;
import static dev.godwit.processor.Compilations.compileWithJavac;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A method's ID that the registry of a dependency, compiled with Godwit, already has. */
class DependencyIdsTest {

    @TempDir
    Path temp;

    @Test
    void idOfADependencysRegistryIsAnErrorOnTheId() throws IOException {
        Path library = compileLibrary();
        JavaFileObject shop = shopMigrations("v2_create_invoices");

        Compilation compilation = compileWithClassPath(List.of(library), List.of(), shop);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.dependencyDuplicateId(
                        "v2_create_invoices",
                        "com.example.shop.ShopMigrations#createOrders",
                        "com.example.billing.GodwitRegistry"))
                .inFile(shop)
                .onLine(6);
    }

    @Test
    void appWithOtherIdsThanItsDependencyCompilesWithoutWarnings() throws IOException {
        Path library = compileLibrary();

        Compilation compilation = compileWithClassPath(List.of(library), List.of(), shopMigrations("v3_create_orders"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.shop.GodwitRegistry");
        assertThat(compilation).generatedSourceFile("dev.godwit.generated.GodwitIndex_com_example_shop_GodwitRegistry");
    }

    @Test
    void idOfADependencyOfADependencyIsAnErrorToo() throws IOException {
        Path library = compileLibrary();
        Path middle = Files.createDirectories(temp.resolve("middle"));
        Assertions.assertThat(compileWithJavac(middle, List.of(library), shopMigrations("v3_create_orders")))
                .isEmpty();
        JavaFileObject app = source(
                "com.example.app.AppMigrations",
                "package com.example.app;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class AppMigrations {",
                "    @Migration(\"v3_create_orders\") static void orders() {}",
                "    @Migration(\"v2.1_seed_currencies\") static void currencies() {}",
                "}");

        Compilation compilation = compileWithClassPath(List.of(middle, library), List.of(), app);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(Messages.dependencyDuplicateId(
                        "v3_create_orders", "com.example.app.AppMigrations#orders", "com.example.shop.GodwitRegistry"))
                .inFile(app)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(Messages.dependencyDuplicateId(
                        "v2.1_seed_currencies",
                        "com.example.app.AppMigrations#currencies",
                        "com.example.billing.GodwitRegistry"))
                .inFile(app)
                .onLine(7);
    }

    /**
     * Index classes of many modules in one package would be a split package, which the module system refuses: a
     * named module gets none.
     */
    @Test
    void namedModuleGetsNoIndex() throws IOException {
        Path sources = temp.resolve("src");
        Files.createDirectories(sources.resolve("com/example/shop"));
        Files.writeString(
                sources.resolve("module-info.java"),
                "module com.example.shop { requires godwit.annotations; requires godwit.runtime; }\n");
        Files.writeString(
                sources.resolve("com/example/shop/ShopMigrations.java"),
                shopMigrations("v3_create_orders").getCharContent(true));
        Path output = Files.createDirectories(temp.resolve("classes"));
        List<String> modulePath = Stream.of(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry)
                        .getFileName()
                        .toString()
                        .matches("(godwit-annotations|godwit-runtime|slf4j-api|jdbi3-core|geantyref)-.*\\.jar"))
                .toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options =
                    List.of("--module-path", String.join(File.pathSeparator, modulePath), "-d", output.toString());
            JavaCompiler.CompilationTask task = javac.getTask(
                    null,
                    files,
                    diagnostics,
                    options,
                    null,
                    files.getJavaFileObjects(
                            sources.resolve("module-info.java").toFile(),
                            sources.resolve("com/example/shop/ShopMigrations.java")
                                    .toFile()));
            task.setProcessors(List.of(new MigrationProcessor()));
            task.call();
        }

        Assertions.assertThat(diagnostics.getDiagnostics()).isEmpty();
        Assertions.assertThat(output.resolve("com/example/shop/GodwitRegistry.class"))
                .exists();
        Assertions.assertThat(output.resolve("dev/godwit/generated")).doesNotExist();
    }

    /**
     * A library with its own migrations ({@code v2_create_invoices}, {@code v2.1_seed_currencies}), compiled with the
     * processor by javac into a directory, as a jar would hold it.
     */
    private Path compileLibrary() throws IOException {
        Path library = Files.createDirectories(temp.resolve("library"));
        Assertions.assertThat(compileWithJavac(library, List.of(), Fixtures.billingMigrations()))
                .isEmpty();
        Assertions.assertThat(
                        library.resolve("dev/godwit/generated/GodwitIndex_com_example_billing_GodwitRegistry.class"))
                .exists();
        return library;
    }

    private static JavaFileObject shopMigrations(String id) {
        return source(
                "com.example.shop.ShopMigrations",
                "package com.example.shop;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class ShopMigrations {",
                "    @Migration(\"" + id + "\")",
                "    static void createOrders() {}",
                "}");
    }
}
