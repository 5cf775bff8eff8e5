package dev.godwit.bench;

import java.nio.file.Path;

/**
 * The processor's cost: javac on 100 classes of 10 {@code @Migration} methods each, with the Godwit processor on
 * the processor path and with {@code -proc:none}, on the same class path. Cold: a fresh JVM per compilation, the two
 * alternating, timed inside the JVM (javac's own start-up included) and as a whole process. Warm: one JVM that
 * compiles both ways 3 times to warm up, then {@code --processor-reps} times each, alternating.
 */
final class ProcessorCost {

    static final int CLASSES = 100;
    static final int METHODS_PER_CLASS = 10;
    private static final int WARMUPS = 3;

    private ProcessorCost() {}

    static void measure(
            Path workDirectory, int repetitions, ClassPaths classPaths, ChildLauncher launcher, Results results)
            throws Exception {
        Path root = workDirectory.resolve("processor");
        Path sources = root.resolve("src");
        SourceGenerator.godwit(sources, CLASSES * METHODS_PER_CLASS - 1, METHODS_PER_CLASS);
        String classPath = ClassPaths.join(classPaths.of("godwit"));
        String processorPath = ClassPaths.join(classPaths.of("processor"));
        String childClassPath = classPaths.benchClasses();
        for (int repetition = 0; repetition < repetitions; repetition++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean processor = (repetition + turn) % 2 == 0;
                String mode = processor ? "with" : "without";
                Path out = root.resolve("out-" + repetition + "-" + mode);
                ChildLauncher.Result result = launcher.run(
                        "javac-" + mode,
                        childClassPath,
                        "compile",
                        mode,
                        sources.toString(),
                        classPath,
                        processorPath,
                        out.toString());
                results.compilation(Results.Compilation.COLD, processor, result.nanos("compile_ns") / 1e9);
                results.compilation(Results.Compilation.COLD_PROCESS, processor, result.processNanos() / 1e9);
            }
        }
        ChildLauncher.Result warm = launcher.run(
                "javac-warm",
                childClassPath,
                "compile-warm",
                sources.toString(),
                classPath,
                processorPath,
                root.resolve("out-warm").toString(),
                String.valueOf(WARMUPS),
                String.valueOf(repetitions));
        warm.nanosList("with_ns").forEach(n -> results.compilation(Results.Compilation.WARM, true, n / 1e9));
        warm.nanosList("without_ns").forEach(n -> results.compilation(Results.Compilation.WARM, false, n / 1e9));
        for (Results.Compilation compilation : Results.Compilation.values()) {
            System.out.printf(
                    "  %-45s with the processor %s, without %s%n",
                    compilation.label(),
                    results.compilation(compilation, true)
                            .map(s -> Report.time(s.median()))
                            .orElse("-"),
                    results.compilation(compilation, false)
                            .map(s -> Report.time(s.median()))
                            .orElse("-"));
        }
    }
}
