package dev.godwit.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Finds the SQL migration files that have the ID of a {@code @Migration} method: {@code <id>.sql} and its
 * database-specific variants, in the resource directory {@value #DEFAULT_LOCATION} unless the {@value #OPTION}
 * option names another.
 *
 * <p>The processor sees only what the compiler sees: the class output, where Maven copies resources before it
 * compiles, and the source path. It cannot see SQL files that a build copies after compiling (Gradle's
 * {@code processResources}, into another directory anyway), nor those of a dependency; the runtime checks every ID
 * again before it runs anything. A file left in the class output after its source was deleted counts until a clean
 * build.
 *
 * <p>Where the class output is a directory, its SQL directory is listed once: asking the Filer for three files per ID
 * costs an exception for each missing one, some seconds in a compilation of 10,000 migrations. Elsewhere (an
 * in-memory class output, as in tests), and on the source path, which may have many roots, each file is asked for.
 */
final class SqlFiles {

    /** The compiler option ({@code -Agodwit.sqlLocation=db/migration}) that names the resource directory. */
    static final String OPTION = "godwit.sqlLocation";

    static final String DEFAULT_LOCATION = "db/migration";

    /** The endings of the file names of one ID: the plain file, then the variants the runtime picks by database. */
    static final List<String> SUFFIXES = List.of(".sql", ".postgresql.sql", ".sqlite.sql");

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_$.-]+");

    private final Filer filer;
    private final String location;
    private Optional<Set<String>> classOutputListing;

    private SqlFiles(Filer filer, String location) {
        this.filer = filer;
        this.location = location;
    }

    /**
     * Looks in the location the compiler options name, or the default; where the option is invalid, reports it and
     * finds nothing.
     */
    static SqlFiles fromOption(Filer filer, Map<String, String> options, Reporter reporter) {
        // javac maps -Agodwit.sqlLocation= to null.
        String value = options.containsKey(OPTION) ? Objects.toString(options.get(OPTION), "") : DEFAULT_LOCATION;
        Optional<String> location = parseLocation(value);
        if (location.isEmpty()) {
            reporter.error(Messages.invalidSqlLocation(OPTION, value));
        }
        return new SqlFiles(filer, location.orElse(null));
    }

    /**
     * Parses the option's value: a relative resource directory, such as {@code db/migration}; empty if it is not
     * one.
     */
    static Optional<String> parseLocation(String value) {
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /** The resource directory looked in, for messages; the default where the option was invalid. */
    String location() {
        return location == null ? DEFAULT_LOCATION : location;
    }

    /** The resource paths of the SQL files named after {@code id}, in the order of {@link #SUFFIXES}. */
    List<String> named(String id) {
        List<String> found = new ArrayList<>();
        if (location == null) {
            return found;
        }
        if (classOutputListing == null) {
            classOutputListing = listClassOutput();
        }
        for (String suffix : SUFFIXES) {
            String path = location + "/" + id + suffix;
            boolean inClassOutput = classOutputListing
                    .map(names -> names.contains(id + suffix))
                    .orElseGet(() -> FilerResources.exists(filer, StandardLocation.CLASS_OUTPUT, "", path));
            if (inClassOutput || FilerResources.exists(filer, StandardLocation.SOURCE_PATH, "", path)) {
                found.add(path);
            }
        }
        return found;
    }

    /**
     * The names of the files in the SQL directory of the class output: none if there is no such directory; empty
     * where the class output is not a directory of the file system.
     */
    private Optional<Set<String>> listClassOutput() {
        try {
            URI probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", location + "/" + SUFFIXES.get(0))
                    .toUri();
            if (!"file".equals(probe.getScheme())) {
                return Optional.empty();
            }
            Path directory = Path.of(probe).getParent();
            if (!Files.isDirectory(directory)) {
                return Optional.of(Set.of());
            }
            try (Stream<Path> files = Files.list(directory)) {
                return Optional.of(
                        files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()));
            }
        } catch (IOException
                | IllegalArgumentException
                | UnsupportedOperationException
                | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
