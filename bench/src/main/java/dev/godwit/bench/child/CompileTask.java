package dev.godwit.bench.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processor's cost: javac on the same sources without a processor, with the Godwit processor and with the
 * reference processors, each a {@link Processing}.
 */
final class CompileTask {

    private CompileTask() {}

    /** One compilation in this fresh JVM, as a build that starts javac does. */
    static void cold(Processing processing, Path sources, String classPath, String processorPath, String out)
            throws IOException {
        long start = System.nanoTime();
        Javac.compile(sources, classPath, processing, processorPath, Path.of(out));
        ChildMain.report("compile_ns", System.nanoTime() - start);
    }

    /**
     * Compilations in one JVM after warm-ups, as a build daemon or an IDE does: each round compiles once each way, in
     * the {@linkplain Processing#inOrderOfRound order of the round}. Reports each way's times under {@link
     * Processing#reportKey()}.
     */
    static void warm(Path sources, String classPath, String processorPath, Path out, int warmups, int runs)
            throws IOException {
        Map<Processing, List<Long>> times = new EnumMap<>(Processing.class);
        for (int i = 0; i < warmups + runs; i++) {
            for (Processing processing : Processing.inOrderOfRound(i)) {
                long nanos = timed(sources, classPath, processing, processorPath, out);
                if (i >= warmups) {
                    times.computeIfAbsent(processing, key -> new ArrayList<>()).add(nanos);
                }
            }
        }
        times.forEach((processing, nanos) -> ChildMain.report(processing.reportKey(), join(nanos)));
    }

    private static long timed(Path sources, String classPath, Processing processing, String processorPath, Path out)
            throws IOException {
        deleteTree(out);
        long start = System.nanoTime();
        Javac.compile(sources, classPath, processing, processorPath, out);
        return System.nanoTime() - start;
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
