package dev.godwit.processor;

import java.io.IOException;
import java.io.InputStream;
import javax.annotation.processing.Filer;
import javax.tools.JavaFileManager;

/** Asks the compiler whether a file exists, for the checks that look at files outside the compilation's sources. */
final class FilerResources {

    private FilerResources() {}

    /**
     * Whether {@code relativeName} in {@code packageName} exists in {@code location}, and can be read. The Filer
     * tells only by opening the file: a missing one throws ({@code FileNotFoundException},
     * {@code NoSuchFileException}), and a location the compiler does not have or a Filer does not support throws
     * too ({@code IllegalArgumentException}; {@code UnsupportedOperationException} in some IDEs' wrappers). Each of
     * these means: not found.
     */
    static boolean exists(Filer filer, JavaFileManager.Location location, String packageName, String relativeName) {
        try (InputStream content =
                filer.getResource(location, packageName, relativeName).openInputStream()) {
            return true;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException notThere) {
            return false;
        }
    }
}
