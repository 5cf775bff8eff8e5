package dev.godwit.bench.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The processor's cost: javac on the same sources with the Godwit processor and with {@code -proc:none}. */
final class CompileTask {

    private CompileTask() {}

    /** One compilation in this fresh JVM, as a build that starts javac does. */
    static void cold(boolean withProcessor, Path sources, String classPath, String processorPath, String out)
            throws IOException {
        long start = System.nanoTime();
        Javac.compile(sources, classPath, withProcessor ? processorPath : null, Path.of(out));
        ChildMain.report("compile_ns", System.nanoTime() - start);
    }

    /** Alternating compilations in one JVM after warm-ups, as a build daemon or an IDE does. */
    static void warm(Path sources, String classPath, String processorPath, Path out, int warmups, int runs)
            throws IOException {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            // Alternate which goes first, so neither always compiles in the other's wake.
            boolean processorFirst = i % 2 == 0;
            long first = timed(sources, classPath, processorFirst ? processorPath : null, out);
            long second = timed(sources, classPath, processorFirst ? null : processorPath, out);
            if (i >= warmups) {
                with.add(processorFirst ? first : second);
                without.add(processorFirst ? second : first);
            }
        }
        ChildMain.report("with_ns", join(with));
        ChildMain.report("without_ns", join(without));
    }

    private static long timed(Path sources, String classPath, String processorPath, Path out) throws IOException {
        deleteTree(out);
        long start = System.nanoTime();
        Javac.compile(sources, classPath, processorPath, out);
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
