package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compileWithProcessors;
import static dev.godwit.processor.Compilations.generatedSource;
import static dev.godwit.processor.Compilations.generatedSourcePath;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Migrations that other annotation processors generate, in the rounds they generate them. */
class RoundsTest {

    private static final String[] GENERATED_MIGRATIONS = {
        "package com.example.generated;",
        "",
        "import dev.godwit.Migration;",
        "import org.jdbi.v3.core.Handle;",
        "",
        "class GeneratedMigrations {",
        "    @Migration(\"v1_init\")",
        "    static void init(Handle handle) {}",
        "}"
    };

    @Test
    void migrationsGeneratedByAnotherProcessorJoinTheRegistry() {
        SourceGenerator generator =
                SourceGenerator.inFirstRound("com.example.generated.GeneratedMigrations", GENERATED_MIGRATIONS);

        Compilation compilation = compileWithProcessors(List.of(generator), Fixtures.catalogMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.generated.GeneratedMigrations_GodwitMigrations");
        Assertions.assertThat(generatedSource(compilation, "com.example.GodwitRegistry"))
                .contains("V1_INIT = \"v1_init\"", "V1_BACKFILL_LANGUAGE = \"v1_backfill_language\"");
    }

    @Test
    void idConstantGeneratedByAnotherProcessorIsResolvedInTheNextRound() {
        SourceGenerator generator = SourceGenerator.inFirstRound(
                "com.example.Ids",
                "package com.example;",
                "",
                "final class Ids {",
                "    static final String V1 = \"v1\";",
                "}");
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(Ids.V1) static void first() {}",
                "}");

        Compilation compilation = compileWithProcessors(List.of(generator), migrations);

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.GodwitRegistry"))
                .contains("V1 = \"v1\"");
    }

    @Test
    void sameIdInAGeneratedSourceOfALaterRoundIsAnErrorOnBoth() {
        SourceGenerator generator =
                SourceGenerator.inFirstRound("com.example.generated.GeneratedMigrations", GENERATED_MIGRATIONS);
        JavaFileObject handWritten = source(
                "com.example.HandWritten",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class HandWritten {",
                "    @Migration(\"v1_init\")",
                "    static void start() {}",
                "}");

        Compilation compilation = compileWithProcessors(List.of(generator), handWritten);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.duplicateId("v1_init", List.of("com.example.generated.GeneratedMigrations#init")))
                .inFile(handWritten)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(Messages.duplicateId("v1_init", List.of("com.example.HandWritten#start")))
                .inFile(generatedSourcePath("com.example.generated.GeneratedMigrations"))
                .onLine(7);
    }

    @Test
    void migrationGeneratedAfterTheRegistryIsAnError() {
        SourceGenerator generator = SourceGenerator.after(
                "com.example.catalog.GodwitRegistry",
                "com.example.late.LateMigrations",
                "package com.example.late;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class LateMigrations {",
                "    @Migration(\"v99_late\")",
                "    static void late() {}",
                "}");

        Compilation compilation = compileWithProcessors(List.of(generator), Fixtures.catalogMigrations());

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.registryWritten(
                        "com.example.late.LateMigrations#late", "com.example.catalog.GodwitRegistry"))
                .inFile(generatedSourcePath("com.example.late.LateMigrations"))
                .onLine(7);
    }

    @Test
    void servicesFileWrittenByAnotherProcessorIsAnError() {
        SourceGenerator generator =
                SourceGenerator.resourceInFirstRound(CompilationRounds.SERVICES_FILE, "com.example.Other\n");

        Compilation compilation = compileWithProcessors(List.of(generator), Fixtures.catalogMigrations());

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.WRITE_FAILED + " Godwit could not write " + CompilationRounds.SERVICES_FILE);
    }
}
