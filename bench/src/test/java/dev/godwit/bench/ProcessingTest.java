package dev.godwit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.bench.child.Javac;
import dev.godwit.bench.child.Processing;
import dev.godwit.bench.child.ReferenceProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each way the processor's cost compiles the benchmark's sources, with real javac: what it generates, and the mark the
 * reference processor leaves in tests, show that each processor ran, and only that one.
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

    @Test
    void everyRoundOfFourCompilesEachWayOnceAndEachWayFollowsEveryOtherOnce() {
        Set<List<Processing>> pairs = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            List<Processing> order = Processing.inOrderOfRound(round);
            assertThat(order).containsExactlyInAnyOrder(Processing.values());
            for (int i = 1; i < order.size(); i++) {
                pairs.add(List.of(order.get(i - 1), order.get(i)));
            }
        }
        assertThat(pairs).hasSize(12);
        assertThat(Processing.inOrderOfRound(5)).isEqualTo(Processing.inOrderOfRound(1));
    }

    @ParameterizedTest
    @EnumSource(Processing.class)
    void compilesTheSourcesAndGeneratesWhatItsProcessorDoes(Processing processing) throws IOException {
        Path out = temp.resolve("out-" + processing);
        Path ran = temp.resolve("ran-" + processing);
        System.setProperty(ReferenceProcessor.RAN_MARKER_PROPERTY, ran.toString());
        try {
            compile(processing, out);
        } finally {
            System.clearProperty(ReferenceProcessor.RAN_MARKER_PROPERTY);
        }

        assertThat(out.resolve("bench/godwit/Migrations000.class")).exists();
        List<String> generated = generatedSources(out);
        assertThat(Files.exists(ran))
                .isEqualTo(processing == Processing.CLAIMING || processing == Processing.GENERATING);
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

    private static void compile(Processing processing, Path out) throws IOException {
        Javac.compile(
                sources,
                ClassPaths.join(classPaths.of("godwit")),
                processing,
                ClassPaths.join(classPaths.of("processor")),
                out);
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
