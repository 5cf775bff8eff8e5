package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compilations with more migrations than one method or class file could dispatch. */
class ScaleTest {

    @TempDir
    Path temp;

    @Test
    void tenThousandMigrationsInAHundredClassesCompileAndRun() throws Exception {
        Compilation compilation = compile(sources(100, 10_000));

        assertThat(compilation).succeededWithoutWarnings();
        assertRunsEachPage(compilation, 10_000);
    }

    @Test
    void classWithMoreMigrationsThanAPageGetsAPagedInvoker() throws Exception {
        Compilation compilation = compile(sources(1, 1_001));

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(Compilations.generatedSource(compilation, "scale.p0.Migrations0_GodwitMigrations"))
                .contains("case 2 -> Page2.run(index, invocation);");
        assertRunsEachPage(compilation, 1_001);
    }

    /** Runs the first, second and last migration of every page and checks each ran its own method. */
    private void assertRunsEachPage(Compilation compilation, int count) throws Exception {
        try (CompiledOutput output = CompiledOutput.load(compilation, temp)) {
            MigrationRegistry registry = output.registries().get(0);
            List<MigrationDefinition> migrations = registry.migrations();
            Assertions.assertThat(migrations)
                    .extracting(MigrationDefinition::id)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, count)
                            .mapToObj(n -> "v" + n)
                            .toList());

            List<Integer> indices = IntStream.range(0, count)
                    .filter(index -> index % CodeGenerator.PAGE_SIZE <= 1
                            || index % CodeGenerator.PAGE_SIZE == CodeGenerator.PAGE_SIZE - 1
                            || index == count - 1)
                    .boxed()
                    .toList();
            for (int index : indices) {
                registry.run(
                        index,
                        SimpleInvocation.withoutDatabase(migrations.get(index).id()));
            }

            @SuppressWarnings("unchecked")
            List<String> ran = (List<String>)
                    output.loadClass("scale.Calls").getField("RAN").get(null);
            Assertions.assertThat(ran)
                    .containsExactlyElementsOf(
                            indices.stream().map(index -> "v" + (index + 1)).toList());
        }
    }

    /**
     * Migrations {@code v1} to {@code v<count>}, dealt out over {@code classes} classes in up to ten packages, so
     * that each class's migrations spread over the whole order; odd ones are static, even ones instance methods.
     * Each records its ID in {@code scale.Calls.RAN} when it runs.
     */
    private static JavaFileObject[] sources(int classes, int count) {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(source(
                "scale.Calls",
                "package scale;",
                "",
                "public final class Calls {",
                "    public static final java.util.List<String> RAN = new java.util.ArrayList<>();",
                "}"));
        for (int k = 0; k < classes; k++) {
            String packageName = "scale.p" + (k % 10);
            List<String> lines = new ArrayList<>();
            lines.add("package " + packageName + ";");
            lines.add("import dev.godwit.Migration;");
            lines.add("class Migrations" + k + " {");
            for (int n = k + 1; n <= count; n += classes) {
                lines.add("    @Migration(\"v" + n + "\") " + (n % 2 == 1 ? "static " : "") + "void m" + n
                        + "() { scale.Calls.RAN.add(\"v" + n + "\"); }");
            }
            lines.add("}");
            sources.add(source(packageName + ".Migrations" + k, lines.toArray(String[]::new)));
        }
        return sources.toArray(JavaFileObject[]::new);
    }
}
