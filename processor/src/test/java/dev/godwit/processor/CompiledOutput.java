package dev.godwit.processor;

import com.google.testing.compile.Compilation;
import dev.godwit.runtime.MigrationRegistry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;

/**
 * The class files and resources of a compile-testing compilation, written to a directory (as a jar would hold them)
 * and loaded from there by a class loader of their own, which tells which classes it has loaded.
 */
final class CompiledOutput extends URLClassLoader {

    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    private CompiledOutput(URL directory) {
        super(new URL[] {directory}, CompiledOutput.class.getClassLoader());
    }

    /** Writes the class output of {@code compilation} to {@code directory}, for a class path. */
    static Path write(Compilation compilation, Path directory) {
        try {
            for (JavaFileObject file : compilation.generatedFiles()) {
                String path = file.toUri().getPath();
                if (path.startsWith(CLASS_OUTPUT)) {
                    copy(file, directory.resolve(path.substring(CLASS_OUTPUT.length())));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies one file. compile-testing lists every file of the class output that the processor looked for, as it
     * looks for SQL files there; one that was never written has no content, and is no file.
     */
    private static void copy(JavaFileObject file, Path target) throws IOException {
        InputStream content;
        try {
            content = file.openInputStream();
        } catch (FileNotFoundException neverWritten) {
            return;
        }
        try (content) {
            Files.createDirectories(target.getParent());
            Files.copy(content, target);
        }
    }

    /** Writes the class output of {@code compilation} to {@code directory} and loads from there. */
    static CompiledOutput load(Compilation compilation, Path directory) {
        try {
            return new CompiledOutput(write(compilation, directory).toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The registries listed in the output's services file, found as the runtime finds them. */
    List<MigrationRegistry> registries() {
        return ServiceLoader.load(MigrationRegistry.class, this).stream()
                .filter(provider -> provider.type().getClassLoader() == this)
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** Whether this loader has loaded (and so initialized or at least linked) the class. */
    boolean hasLoaded(String className) {
        return findLoadedClass(className) != null;
    }
}
