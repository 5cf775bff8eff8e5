package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.compileWithOnly;
import static dev.godwit.processor.Compilations.generatedSource;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.godwit.runtime.MigrationDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checksum of each method, from its syntax tree, as the registry hands it to the runtime. */
class ChecksumTest {

    /** Backfills in batches: the method that the variants below reformat or change. */
    private static final List<String> BACKFILL = List.of(
            "package com.example;",
            "",
            "import dev.godwit.Migration;",
            "import org.jdbi.v3.core.Handle;",
            "",
            "class Migrations {",
            "    @Migration(\"v1_backfill_language\")",
            "    static void backfill(Handle handle) {",
            "        int batch = 500;",
            "        for (int done = 0; done < 10_000; done += batch) {",
            "            handle.execute(\"UPDATE books SET language = 'en' WHERE id < ?\", done + batch);",
            "        }",
            "    }",
            "}");

    @TempDir
    Path temp;

    @Test
    void checksumIsSixtyFourLowercaseHexDigits() throws Exception {
        Assertions.assertThat(checksumOf(BACKFILL)).matches("[0-9a-f]{64}");
    }

    @Test
    void checksumIsTheSameAfterReformattingAndNewCommentsAndJavadoc() throws Exception {
        String reformatted = checksumOf(List.of(
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class Migrations",
                "{",
                "    /**",
                "     * Backfills the language, in batches.",
                "     */",
                "    @Migration(\"v1_backfill_language\") static void backfill(Handle handle)",
                "    {",
                "        // Small batches keep the locks short.",
                "        int batch = /* rows */ 500;",
                "        for (int done = 0;",
                "             done < 10_000;",
                "             done += batch)",
                "        {",
                "            handle.execute(",
                "                \"UPDATE books SET language = 'en' WHERE id < ?\",",
                "                done + batch); /* the next batch */",
                "        }",
                "    }",
                "}"));

        Assertions.assertThat(reformatted).isEqualTo(checksumOf(BACKFILL));
    }

    @Test
    void checksumIsTheSameWhateverTheSpellingOfLiteralsParenthesesAndAnnotations() throws Exception {
        String respelled = checksumOf(List.of(
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class Migrations {",
                "    @SuppressWarnings(\"unused\")",
                "    @Migration(value = \"v1_backfill_language\")",
                "    static void backfill(final Handle handle) {",
                "        final int batch = 0x1F4;",
                "        for (int done = 0; (done < 10000); done += (batch)) {",
                "            handle.execute(\"UPDATE books SET language = 'en' \"",
                "                    + \"WHERE id < ?\", (done + batch));",
                "        }",
                "    }",
                "}"));

        Assertions.assertThat(respelled).isEqualTo(checksumOf(BACKFILL));
    }

    @Test
    void checksumChangesWithANewStatement() throws Exception {
        String changed = checksumOf(replace("        }", "        }\n        handle.execute(\"ANALYZE books\");"));

        Assertions.assertThat(changed).isNotEqualTo(checksumOf(BACKFILL));
    }

    @Test
    void checksumChangesWithAChangedLiteral() throws Exception {
        String changed = checksumOf(replace("int batch = 500;", "int batch = 1000;"));

        Assertions.assertThat(changed).isNotEqualTo(checksumOf(BACKFILL));
    }

    @Test
    void checksumChangesWithAChangedString() throws Exception {
        String changed = checksumOf(replace("language = 'en'", "language = 'fr'"));

        Assertions.assertThat(changed).isNotEqualTo(checksumOf(BACKFILL));
    }

    @Test
    void checksumChangesWithAnotherCalledMethod() throws Exception {
        String changed = checksumOf(replace("handle.execute(", "handle.select("));

        Assertions.assertThat(changed).isNotEqualTo(checksumOf(BACKFILL));
    }

    @Test
    void checksumChangesWithAnotherParameterList() throws Exception {
        List<String> withContext = replace("(Handle handle)", "(Handle handle, MigrationContext context)");
        String changed =
                checksumOf(replace(withContext, "import org.jdbi", "import dev.godwit.runtime.*;\nimport org.jdbi"));

        Assertions.assertThat(changed).isNotEqualTo(checksumOf(BACKFILL));
    }

    /**
     * The exact checksum of a method that uses most of Java 17's syntax. The suite runs on JDK 17 and JDK 25 with
     * this one value: the checksum does not change when the compiler does. (javac's parsers of the two differ, in
     * the modifiers they give try-with-resources variables, for one.)
     */
    @Test
    void checksumIsTheSameOnEveryJdk() throws Exception {
        String checksum = checksumOf(List.of(
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import dev.godwit.runtime.MigrationContext;",
                "import java.util.ArrayList;",
                "import java.util.List;",
                "import java.util.function.Function;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class Migrations {",
                "    @Migration(\"v1_everything\")",
                "    static void everything(Handle handle, MigrationContext context) throws Exception {",
                "        var titles = new ArrayList<String>();",
                "        final int batch = 0x10, sizes[] = {1, 2};",
                "        long big = -9223372036854775808L;",
                "        double ratio = 2e23;",
                "        float half = 0.5f;",
                "        char letter = 'q';",
                "        String sql = \"\"\"",
                "            SELECT title",
                "              FROM books",
                "            \"\"\";",
                "        Function<String, Integer> length = String::length;",
                "        Runnable log = () -> context.logger().info(\"start {}\", context.migrationId());",
                "        outer:",
                "        for (int i = 0, j = 1; i < batch; i++, j += 2) {",
                "            for (String title : titles) {",
                "                if (title.isEmpty()) continue outer; else break outer;",
                "            }",
                "        }",
                "        int kind = switch (letter) {",
                "            case 'a', 'b' -> 1;",
                "            case 'q' -> { yield 2; }",
                "            default -> throw new IllegalStateException();",
                "        };",
                "        switch (kind) { case 1: log.run(); break; default: titles.clear(); }",
                "        Object any = sql;",
                "        if (any instanceof String text && !text.isBlank()) {",
                "            titles.add(text);",
                "        }",
                "        try (var reader = new java.io.StringReader(sql)) {",
                "            reader.read();",
                "        } catch (java.io.IOException | RuntimeException e) {",
                "            throw e;",
                "        } finally {",
                "            assert kind > 0 : \"kind\";",
                "        }",
                "        synchronized (titles) { titles.sort(null); }",
                "        Runnable anonymous = new Runnable() {",
                "            @Override public void run() { titles.add(\"run\"); }",
                "        };",
                "        int[][] grid = new int[3][];",
                "        Object both = (Comparable<? super String> & java.io.Serializable) sql;",
                "        kind = kind > 1 ? -kind : ~kind;",
                "        record Pair(int left, int right) {}",
                "        handle.createQuery(sql).mapTo(String.class).forEach(titles::add);",
                "        List.of(big, ratio, half, sizes, grid, both, length, anonymous, new Pair(1, 2));",
                "    }",
                "}"));

        Assertions.assertThat(checksum).isEqualTo("b60d85a4fc27e15c05af31b424c2e49cf3a536941232e690a1f3bc7e9c9c3705");
    }

    @Test
    void registryOfAWrappedCompilerHasNoChecksumAndNoWarning() {
        Compilation compilation = compileWithOnly(new WrappedEnvironmentProcessor(), Fixtures.catalogMigrations());

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.catalog.GodwitRegistry"))
                .contains(
                        "{\"v1_backfill_language\", \"com.example.catalog.CatalogMigrations#backfillLanguage\", null}");
    }

    /** Compiles the source, loads its registry as the runtime would, and returns its only migration's checksum. */
    private String checksumOf(List<String> lines) throws IOException {
        Compilation compilation = compile(source("com.example.Migrations", lines.toArray(String[]::new)));
        assertThat(compilation).succeededWithoutWarnings();
        try (CompiledOutput output = CompiledOutput.load(compilation, Files.createTempDirectory(temp, "classes"))) {
            List<MigrationDefinition> migrations = output.registries().get(0).migrations();
            Assertions.assertThat(migrations).hasSize(1);
            return migrations.get(0).checksum().orElseThrow();
        }
    }

    private static List<String> replace(String text, String replacement) {
        return replace(BACKFILL, text, replacement);
    }

    /** The lines with {@code text}, which they hold once, replaced. */
    private static List<String> replace(List<String> lines, String text, String replacement) {
        String joined = String.join("\n", lines);
        Assertions.assertThat(joined).containsOnlyOnce(text);
        return List.of(joined.replace(text, replacement).split("\n", -1));
    }
}
