package dev.godwit.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Class path roots holding SQL migrations, as a build would produce them: folders and jars in a test's temporary
 * directory, and a class loader over them. Files are given as alternating names (in {@code db/migration}, or a path
 * with a {@code /}, relative to the root) and contents.
 */
final class SqlFiles {

    static final String LOCATION = "db/migration";

    private SqlFiles() {}

    /** Writes the files into a class path folder, creating or replacing them, and returns the folder. */
    static Path folder(Path folder, String... namesAndContents) {
        try {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                Path file = folder.resolve(path(namesAndContents[i]));
                Files.createDirectories(file.getParent());
                Files.writeString(file, namesAndContents[i + 1], StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a jar with the files and the folder entries a build writes for them, and returns it. */
    static Path jar(Path jar, String... namesAndContents) {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            Set<String> folders = new LinkedHashSet<>();
            for (int i = 0; i < namesAndContents.length; i += 2) {
                String path = path(namesAndContents[i]);
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    if (folders.add(path.substring(0, slash + 1))) {
                        entries.putNextEntry(new JarEntry(path.substring(0, slash + 1)));
                        entries.closeEntry();
                    }
                }
                entries.putNextEntry(new JarEntry(path));
                entries.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over the roots, in front of the test's own class path (which has no SQL migrations). */
    static URLClassLoader classLoader(Path... roots) {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            try {
                urls[i] = roots[i].toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new URLClassLoader(urls, SqlFiles.class.getClassLoader());
    }

    private static String path(String name) {
        return name.contains("/") ? name : LOCATION + "/" + name;
    }
}
