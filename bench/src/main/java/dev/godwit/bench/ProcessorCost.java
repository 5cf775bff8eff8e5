package dev.godwit.bench;

import dev.godwit.bench.child.Processing;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The processor's cost: javac on 100 classes of 10 {@code @Migration} methods each, on the same class path, with
 * {@code -proc:none}, with the Godwit processor, and with the two {@linkplain Processing reference processors} that
 * show what any processor costs javac on these sources. Cold: a fresh JVM per compilation, taking turns in a balanced
 * order ({@link Processing#inOrderOfRound}), timed inside the JVM (javac's own start-up included) and as a whole
 * process. Warm: one JVM that compiles every way 3 times to warm up, then {@code --processor-reps} times each, taking
 * turns in the same order.
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
            for (Processing processing : Processing.inOrderOfRound(repetition)) {
                String name = processing.name().toLowerCase(Locale.ROOT);
                Path out = root.resolve("out-" + repetition + "-" + name);
                ChildLauncher.Result result = launcher.run(
                        "javac-" + name,
                        childClassPath,
                        "compile",
                        processing.name(),
                        sources.toString(),
                        classPath,
                        processorPath,
                        out.toString());
                results.compilation(Results.Compilation.COLD, processing, result.nanos("compile_ns") / 1e9);
                results.compilation(Results.Compilation.COLD_PROCESS, processing, result.processNanos() / 1e9);
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
        for (Processing processing : Processing.values()) {
            warm.nanosList(processing.reportKey())
                    .forEach(n -> results.compilation(Results.Compilation.WARM, processing, n / 1e9));
        }
        for (Results.Compilation compilation : Results.Compilation.values()) {
            System.out.printf("  %s:%n", compilation.label());
            for (Processing processing : Processing.values()) {
                System.out.printf(
                        "    %-75s %s%s%n",
                        processing.label(),
                        results.compilation(compilation, processing)
                                .map(s -> Report.time(s.median()))
                                .orElse("-"),
                        results.compilationRatio(compilation, processing)
                                .filter(ratio -> processing != Processing.NONE)
                                .map(ratio -> " (" + Report.ratio(ratio) + ")")
                                .orElse(""));
            }
        }
    }
}
