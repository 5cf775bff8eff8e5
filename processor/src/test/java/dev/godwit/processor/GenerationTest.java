package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.generatedSource;
import static dev.godwit.processor.Compilations.golden;
import static dev.godwit.processor.Compilations.servicesFile;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.CodeBlock;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class GenerationTest {

    @Test
    void tableLiteralsAreWrittenAsJavaPoetWritesStrings() {
        for (String text : new String[] {
            "v1_backfill_language",
            "com.example.Outer.Inner#método",
            "quote \" backslash \\ tab \t cr \r bell \u0007 nul \u0000 del \u007f",
            ""
        }) {
            Assertions.assertThat(CodeGenerator.literal(text))
                    .as(text)
                    .isEqualTo(CodeBlock.of("$S", text).toString());
        }
        Assertions.assertThat(CodeGenerator.literal(null))
                .isEqualTo(CodeBlock.of("$S", (Object) null).toString());
        // JavaPoet splits a literal at line breaks into a concatenation; the table's are one line.
        Assertions.assertThat(CodeGenerator.literal("a\nb")).isEqualTo("\"a\\nb\"");
    }

    @Test
    void packagePrivateMigrationsInTwoPackagesGetARegistryInTheirCommonPackage() {
        Compilation compilation = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.GodwitRegistry"))
                .isEqualTo(golden("GodwitRegistry.java.txt"));
    }

    @Test
    void indexInTheWellKnownPackageNamesTheRegistry() {
        Compilation compilation = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(
                        generatedSource(compilation, "dev.godwit.generated.GodwitIndex_com_example_GodwitRegistry"))
                .isEqualTo(golden("GodwitIndex_com_example_GodwitRegistry.java.txt"));
    }

    @Test
    void invokerCallsStaticAndInstanceMethodsDirectly() {
        Compilation compilation = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.catalog.CatalogMigrations_GodwitMigrations"))
                .isEqualTo(golden("CatalogMigrations_GodwitMigrations.java.txt"));
    }

    @Test
    void classesOfOnePackageNestedOrNotShareOneInvoker() {
        Compilation compilation = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.billing.BillingMigrations_GodwitMigrations"))
                .isEqualTo(golden("BillingMigrations_GodwitMigrations.java.txt"));
        Assertions.assertThat(compilation.generatedSourceFiles())
                .extracting(JavaFileObject::getName)
                .filteredOn(name -> name.endsWith("_GodwitMigrations.java"))
                .containsExactlyInAnyOrder(
                        "/SOURCE_OUTPUT/com/example/catalog/CatalogMigrations_GodwitMigrations.java",
                        "/SOURCE_OUTPUT/com/example/billing/BillingMigrations_GodwitMigrations.java");
    }

    @Test
    void servicesFileNamesTheRegistry() {
        Compilation compilation = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(servicesFile(compilation)).isEqualTo("com.example.GodwitRegistry\n");
    }

    @Test
    void outputIsTheSameOnEveryCompilation() {
        Compilation first = compile(Fixtures.catalogMigrations(), Fixtures.billingMigrations());
        Compilation second = compile(Fixtures.billingMigrations(), Fixtures.catalogMigrations());

        Assertions.assertThat(generatedSource(second, "com.example.GodwitRegistry"))
                .isEqualTo(generatedSource(first, "com.example.GodwitRegistry"));
    }

    @Test
    void registryOfOnePackageIsInThatPackage() {
        Compilation compilation = compile(Fixtures.catalogMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.catalog.GodwitRegistry");
        Assertions.assertThat(servicesFile(compilation)).isEqualTo("com.example.catalog.GodwitRegistry\n");
    }

    @Test
    void compilationWithoutMigrationsGeneratesNothing() {
        JavaFileObject plain = source(
                "com.example.Plain",
                "package com.example;",
                "",
                "class Plain {",
                "    @Deprecated static void old() {}",
                "}");

        Compilation compilation = compile(plain);

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(compilation.generatedFiles())
                .extracting(JavaFileObject::getName)
                .containsExactly("/CLASS_OUTPUT/com/example/Plain.class");
    }
}
