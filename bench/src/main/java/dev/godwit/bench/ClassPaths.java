package dev.godwit.bench;

import dev.godwit.bench.child.ChildMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class paths of the child JVMs and of the compilations, each holding what that contender's users would have and
 * nothing of the others. The build writes them ({@code maven-dependency-plugin:build-classpath}, see the module's
 * POM) as resources of this module; the entries are absolute paths to the local Maven repository or, in a reactor
 * build, to the other modules' outputs.
 *
 * <p>A run uses copies of those entries, taken when it starts, so that one run measures one version of everything
 * even when the local repository changes under it (a {@code mvn install} of Godwit in another terminal).
 */
final class ClassPaths {

    private static final String RESOURCES = "/dev/godwit/bench/classpath/";
    private static final List<String> NAMES = List.of("godwit", "flyway", "jdbc", "jdbi", "processor");

    private final Map<String, List<String>> paths;
    private final String benchClasses;

    private ClassPaths(Map<String, List<String>> paths, String benchClasses) {
        this.paths = paths;
        this.benchClasses = benchClasses;
    }

    /** Copies every entry of every class path, and this module's classes, into {@code directory}. */
    static ClassPaths snapshot(Path directory) throws IOException {
        Map<String, String> copies = new HashMap<>();
        Map<String, List<String>> paths = new HashMap<>();
        int count = 0;
        for (String name : NAMES) {
            List<String> entries = new ArrayList<>();
            for (String entry : read(name)) {
                String copy = copies.get(entry);
                if (copy == null) {
                    Path source = Path.of(entry);
                    Path target = directory.resolve(++count + "-" + source.getFileName());
                    copy(source, target);
                    copy = target.toString();
                    copies.put(entry, copy);
                }
                entries.add(copy);
            }
            paths.put(name, List.copyOf(entries));
        }
        Path bench = directory.resolve("bench-classes");
        copy(ChildMain.benchClasses(), bench);
        return new ClassPaths(paths, bench.toString());
    }

    /**
     * Godwit's runtime, the JDBC drivers and SLF4J: {@code godwit}; likewise {@code flyway}, {@code jdbc} (drivers and
     * SLF4J only), {@code jdbi} (JDBI, the drivers and SLF4J: Godwit's without Godwit) and {@code processor} (the
     * processor path).
     */
    List<String> of(String name) {
        List<String> entries = paths.get(name);
        if (entries == null) {
            throw new IllegalArgumentException("No class path " + name);
        }
        return entries;
    }

    /** The classes of this module: the child's main class, the contenders and the two loops. */
    String benchClasses() {
        return benchClasses;
    }

    /** Joins entries into a class path. */
    static String join(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return String.join(File.pathSeparator, all);
    }

    private static List<String> read(String name) {
        try (InputStream in = ClassPaths.class.getResourceAsStream(RESOURCES + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("No class path resource " + RESOURCES + name + ".txt: build the"
                        + " benchmark with Maven (it writes them at generate-resources), as the README says.");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? List.of() : Arrays.asList(text.split(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a jar, or a directory of classes (a reactor module's output), with everything in it. */
    private static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
