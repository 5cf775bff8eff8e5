package dev.godwit.cli.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application's jars and class folders given with {@code --classpath}, in a class loader of their own whose
 * parent is the command's: Godwit, JDBI and the drivers are shared, the application's registries, migration classes
 * and SQL files come from the entries.
 */
public final class ApplicationClassPath implements AutoCloseable {

    private final List<Path> entries;
    private final URLClassLoader classLoader;

    private ApplicationClassPath(List<Path> entries, URLClassLoader classLoader) {
        this.entries = entries;
        this.classLoader = classLoader;
    }

    /**
     * Opens a class loader over the given entries. Each value may hold several entries separated by the platform's
     * path separator ({@code :} or {@code ;}), as {@code java -cp} does; an entry {@code dir/*} stands for every jar
     * in {@code dir}.
     *
     * @param values the {@code --classpath} values
     * @param parent the class loader that provides Godwit itself
     * @return the class path
     * @throws CliException a usage error if an entry does not exist
     */
    public static ApplicationClassPath open(List<String> values, ClassLoader parent) {
        List<Path> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(File.pathSeparator, -1)) {
                if (!entry.isBlank()) {
                    entries.addAll(expand(entry.strip()));
                }
            }
        }
        URL[] urls = entries.stream().map(ApplicationClassPath::toUrl).toArray(URL[]::new);
        return new ApplicationClassPath(List.copyOf(entries), new URLClassLoader("godwit-application", urls, parent));
    }

    /**
     * Returns the class loader of the application's entries.
     *
     * @return the class loader
     */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Returns the entries, with {@code dir/*} expanded.
     *
     * @return the jars and folders, in class path order
     */
    public List<Path> entries() {
        return entries;
    }

    @Override
    public void close() {
        try {
            classLoader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> expand(String entry) {
        if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
            Path folder = Paths.get(entry.substring(0, entry.length() - 1));
            if (!Files.isDirectory(folder)) {
                throw CliException.usage("No such folder: " + folder + " (in --classpath " + entry + ").");
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(file -> file.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".jar"))
                        .sorted()
                        .collect(Collectors.toList());
            } catch (IOException e) {
                throw CliException.usage("Cannot list " + folder + " (in --classpath): " + e.getMessage(), e);
            }
        }
        Path path = Paths.get(entry);
        if (!Files.exists(path)) {
            throw CliException.usage("No such file or folder: " + entry + " (in --classpath).");
        }
        return List.of(path);
    }

    private static URL toUrl(Path path) {
        try {
            return path.toAbsolutePath().normalize().toUri().toURL();
        } catch (MalformedURLException e) {
            throw CliException.usage("Not a usable class path entry: " + path + ": " + e.getMessage(), e);
        }
    }
}
