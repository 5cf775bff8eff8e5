package dev.godwit.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles test sources with the processor, as a user's build would, and reads what it generated. */
final class Compilations {

    /**
     * All lint warnings but {@code processing}, like Godwit's own build: that one warns that no processor claims
     * {@code @Generated} in generated sources, whoever generated them.
     */
    static final String LINT = "-Xlint:all,-processing";

    private Compilations() {}

    static Compilation compile(JavaFileObject... sources) {
        return compiler(List.of(), List.of()).compile(sources);
    }

    static Compilation compileWithOptions(List<String> options, JavaFileObject... sources) {
        return compiler(options, List.of()).compile(sources);
    }

    /** Compiles with {@code processors} running before Godwit's, in each round. */
    static Compilation compileWithProcessors(List<Processor> processors, JavaFileObject... sources) {
        return compiler(List.of(), processors).compile(sources);
    }

    /** Compiles with {@code directories} on the class path, before the tests' own class path. */
    static Compilation compileWithClassPath(List<Path> directories, List<String> options, JavaFileObject... sources) {
        List<File> classPath = new ArrayList<>();
        directories.forEach(directory -> classPath.add(directory.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }
        return compiler(options, List.of()).withClasspath(classPath).compile(sources);
    }

    /** Compiles with {@code processor} alone, which may run Godwit's its own way. */
    static Compilation compileWithOnly(Processor processor, JavaFileObject... sources) {
        return javac().withProcessors(processor).withOptions(LINT).compile(sources);
    }

    /**
     * Compiles with the JDK's javac and its own file manager, as Maven does: into {@code output}, a real directory,
     * which is also first on the class path (a rebuild without cleaning sees the earlier build there), then
     * {@code classPath} and the tests' own class path. Returns the diagnostics.
     */
    static List<Diagnostic<? extends JavaFileObject>> compileWithJavac(
            Path output, List<Path> classPath, JavaFileObject... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> path = new ArrayList<>();
        path.add(output.toString());
        classPath.forEach(entry -> path.add(entry.toString()));
        path.add(System.getProperty("java.class.path"));
        List<String> options =
                List.of("-d", output.toString(), "-classpath", String.join(File.pathSeparator, path), LINT);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, files, diagnostics, options, null, List.of(sources));
            task.setProcessors(List.of(new MigrationProcessor()));
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics();
    }

    private static Compiler compiler(List<String> options, List<Processor> processors) {
        List<Processor> all = new ArrayList<>(processors);
        all.add(new MigrationProcessor());
        List<String> allOptions = new ArrayList<>(options);
        allOptions.add(LINT);
        return javac().withProcessors(all).withOptions(allOptions);
    }

    /** A source file of the given lines: line {@code n} of the file is argument {@code n}. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /**
     * Stands for a generated source file in {@code inFile(...)} of a failed compilation, whose generated files
     * compile-testing does not give out; it matches files by path, and keeps generated sources under
     * {@code /SOURCE_OUTPUT/}.
     */
    static JavaFileObject generatedSourcePath(String qualifiedName) {
        URI uri = URI.create("mem:///SOURCE_OUTPUT/" + qualifiedName.replace('.', '/') + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {};
    }

    /** The text of a generated source file. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation
                .generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("Not generated: " + qualifiedName));
        return content(file);
    }

    /** The text of the generated services file. */
    static String servicesFile(Compilation compilation) {
        return compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, CompilationRounds.SERVICES_FILE)
                .map(Compilations::content)
                .orElseThrow(() -> new AssertionError("No services file"));
    }

    static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden file from {@code src/test/resources/golden}. */
    static String golden(String name) {
        try (InputStream in = Compilations.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("No golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
