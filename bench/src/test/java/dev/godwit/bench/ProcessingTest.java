package dev.godwit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.bench.child.Javac;
import dev.godwit.bench.child.Processing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each way the processor's cost compiles the benchmark's sources, with real javac: what it generates shows that each
 * processor ran, and only that one.
 */
class ProcessingTest {

    @TempDir
    static Path temp;

    private static ClassPaths classPaths;
    private static Path sources;

    @BeforeAll
    static void generate() throws IOException {
        classPaths = ClassPaths.snapshot(Files.createDirectories(temp.resolve("class-paths")));
        sources = temp.resolve("src");
        SourceGenerator.godwit(sources, 19, 10);
    }

    @ParameterizedTest
    @EnumSource(Processing.class)
    void compilesTheSourcesAndGeneratesWhatItsProcessorDoes(Processing processing) throws IOException {
        Path out = temp.resolve("out-" + processing);

        Javac.compile(
                sources,
                ClassPaths.join(classPaths.of("godwit")),
                processing,
                ClassPaths.join(classPaths.of("processor")),
                out);

        assertThat(out.resolve("bench/godwit/Migrations000.class")).exists();
        List<String> generated = generatedSources(out);
        switch (processing) {
            case NONE, CLAIMING -> assertThat(generated).isEmpty();
            case GODWIT -> assertThat(generated).contains("bench/godwit/GodwitRegistry.java");
            case GENERATING -> {
                assertThat(generated).containsExactly("godwit/bench/reference/Generated.java");
                assertThat(out.resolve("godwit/bench/reference/Generated.class"))
                        .exists();
            }
        }
    }

    private static List<String> generatedSources(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> out.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
