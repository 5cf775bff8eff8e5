package dev.godwit.bench.child;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with the JDK's own javac, in this JVM. */
public final class Javac {

    private Javac() {}

    /**
     * Compiles every {@code .java} file under a directory.
     *
     * @param sources the source tree
     * @param classPath the class path, joined with {@link File#pathSeparator}
     * @param processorPath the processor path; {@code null} to compile with {@code -proc:none}
     * @param out where the classes (and generated sources and resources) go; created if missing
     * @throws IOException if the files cannot be read or written
     * @throws IllegalStateException if the compilation fails, with javac's errors
     */
    public static void compile(Path sources, String classPath, String processorPath, Path out) throws IOException {
        compile(sources, classPath, processorPath == null ? Processing.NONE : Processing.GODWIT, processorPath, out);
    }

    /**
     * Compiles every {@code .java} file under a directory, processing annotations as {@code processing} says.
     *
     * @param sources the source tree
     * @param classPath the class path, joined with {@link File#pathSeparator}
     * @param processing how annotations are processed
     * @param godwitProcessorPath Godwit's processor path, for {@link Processing#GODWIT}
     * @param out where the classes (and generated sources and resources) go; created if missing
     * @throws IOException if the files cannot be read or written
     * @throws IllegalStateException if the compilation fails, with javac's errors
     */
    public static void compile(
            Path sources, String classPath, Processing processing, String godwitProcessorPath, Path out)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("The benchmark compiles the migrations it generates: run it on a JDK, not a"
                    + " JRE (java.home=" + System.getProperty("java.home") + ").");
        }
        Files.createDirectories(out);
        List<String> options = new ArrayList<>(List.of(
                "-d", out.toString(), "--release", "17", "-encoding", "UTF-8", "-nowarn", "-classpath", classPath));
        options.addAll(processing.options(godwitProcessorPath, out));
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(Path::toFile)
                    .collect(Collectors.toList());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean success = javac.getTask(
                            null,
                            fileManager,
                            diagnostics,
                            options,
                            null,
                            fileManager.getJavaFileObjectsFromFiles(files))
                    .call();
            if (!success) {
                throw new IllegalStateException("javac failed on " + sources + ":\n"
                        + diagnostics.getDiagnostics().stream()
                                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                                .limit(20)
                                .map(Object::toString)
                                .collect(Collectors.joining("\n")));
            }
        }
    }
}
