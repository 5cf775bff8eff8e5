package dev.godwit.bench;

import dev.godwit.bench.child.Javac;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The N migrations of one size, generated and compiled for each contender; the child JVM of a contender gets its
 * classes directory on its class path, and no other contender's (see {@link Contender#workName()}).
 */
final class Workload {

    private final int size;
    private final Map<Contender, Path> classes;
    private final ClassPaths classPaths;

    private Workload(int size, Map<Contender, Path> classes, ClassPaths classPaths) {
        this.size = size;
        this.classes = classes;
        this.classPaths = classPaths;
    }

    /** Generates and compiles the workload of {@code size} migrations (plus the one that creates the table). */
    static Workload create(Path workDirectory, int size, ClassPaths classPaths) throws IOException {
        Path root = workDirectory.resolve("n" + size);
        Map<Contender, Path> classes = new EnumMap<>(Contender.class);
        for (Contender contender : Contender.values()) {
            Path sources = root.resolve(contender.workName()).resolve("src");
            Path out = root.resolve(contender.workName()).resolve("classes");
            long start = System.nanoTime();
            switch (contender) {
                case GODWIT_JDBC, GODWIT -> {
                    if (contender == Contender.GODWIT_JDBC) {
                        SourceGenerator.godwitJdbc(sources, size, SourceGenerator.METHODS_PER_CLASS);
                    } else {
                        SourceGenerator.godwit(sources, size, SourceGenerator.METHODS_PER_CLASS);
                    }
                    Javac.compile(
                            sources,
                            ClassPaths.join(classPaths.of(contender.classPathName())),
                            ClassPaths.join(classPaths.of("processor")),
                            out);
                }
                case FLYWAY -> {
                    SourceGenerator.flyway(sources, size);
                    Javac.compile(sources, ClassPaths.join(classPaths.of("flyway")), null, out);
                }
                case JDBC_LOOP, JDBI_LOOP -> {
                    if (contender == Contender.JDBC_LOOP) {
                        SourceGenerator.jdbcLoop(sources, size);
                    } else {
                        SourceGenerator.jdbiLoop(sources, size);
                    }
                    // The loops' migrations are records of this module's classes, which hold the loops.
                    Javac.compile(
                            sources,
                            ClassPaths.join(classPaths.of(contender.classPathName()), classPaths.benchClasses()),
                            null,
                            out);
                }
            }
            System.out.printf(
                    "  generated and compiled %,d migrations for %s in %.1f s%n",
                    size + 1, contender.label(), (System.nanoTime() - start) / 1e9);
            classes.put(contender, out);
        }
        return new Workload(size, classes, classPaths);
    }

    int size() {
        return size;
    }

    /** The class path of a child JVM that runs this workload with {@code contender}. */
    String classPath(Contender contender) {
        return ClassPaths.join(
                List.of(classPaths.benchClasses()),
                ClassPaths.join(classPaths.of(contender.classPathName())),
                classes.get(contender).toString());
    }
}
