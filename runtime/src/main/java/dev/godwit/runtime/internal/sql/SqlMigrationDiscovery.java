package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.InvalidSqlMigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the SQL migrations of one location on the class path without scanning classes: asks the class loader for
 * every copy of the location ({@link ClassLoader#getResources}) and lists each, a folder ({@code file:} URL) or a
 * jar's entries under it ({@code jar:} URL, or any URL whose connection is a {@link JarURLConnection}). Every file is
 * read here, so every problem is found before anything runs.
 */
public final class SqlMigrationDiscovery {

    private final String location;
    /** The files found, by root URL and ID. */
    private final Map<List<String>, List<SqlFile>> byRootAndId = new LinkedHashMap<>();

    private final List<String> problems = new ArrayList<>();

    private SqlMigrationDiscovery(String location) {
        this.location = location;
    }

    /**
     * Returns the SQL migrations of a location, one per ID and class path root: an ID found in two roots (two jars)
     * gives two, which the plan rejects as a duplicate.
     *
     * @param classLoader where to look
     * @param location a checked location ({@link SqlLocation#check})
     * @return the migrations, sorted by root and ID
     * @throws InvalidSqlMigrationException listing every file with a bad name, in a subfolder, or unreadable, and every
     *     root that is neither a folder nor in a jar
     */
    public static List<SqlMigration> discover(ClassLoader classLoader, String location) {
        return new SqlMigrationDiscovery(location).discover(classLoader);
    }

    private List<SqlMigration> discover(ClassLoader classLoader) {
        for (URL root : roots(classLoader)) {
            try {
                list(root);
            } catch (IOException | UncheckedIOException e) {
                throw new InvalidSqlMigrationException(
                        "Could not list the SQL migrations in " + root + ": " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSqlMigrationException(problems);
        }
        List<SqlMigration> migrations = new ArrayList<>();
        byRootAndId.forEach((key, group) -> {
            group.sort(Comparator.comparing(SqlFile::resource));
            migrations.add(new SqlMigration(key.get(1), key.get(0), group));
        });
        return migrations;
    }

    private List<URL> roots(ClassLoader classLoader) {
        Map<String, URL> byName = new LinkedHashMap<>();
        try {
            // One root reachable twice (a jar seen by two class loaders) is one root.
            for (URL url : Collections.list(classLoader.getResources(location))) {
                byName.putIfAbsent(url.toString(), url);
            }
        } catch (IOException e) {
            throw new InvalidSqlMigrationException(
                    "Could not look up the SQL migration location " + location + " on the class path: "
                            + e.getMessage(),
                    e);
        }
        return List.copyOf(byName.values());
    }

    private void list(URL root) throws IOException {
        if (root.getProtocol().equals("file")) {
            listFolder(root);
            return;
        }
        URLConnection connection = root.openConnection();
        if (connection instanceof JarURLConnection jar) {
            listJar(root, jar);
        } else {
            problems.add("The SQL migration location " + location + " is at " + root
                    + ", which Godwit cannot list: it reads SQL migrations from folders (file: URLs) and jars (jar:"
                    + " URLs) only. Put them in a jar or folder on the class path.");
        }
    }

    private void listFolder(URL root) throws IOException {
        Path folder;
        try {
            folder = Path.of(root.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("not a file path", e);
        }
        if (!Files.isDirectory(folder)) {
            problems.add(root + " is a file; the SQL migration location " + location + " must be a folder.");
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(path)
                        .toString()
                        .replace(path.getFileSystem().getSeparator(), "/");
                String url = path.toUri().toString();
                if (accept(relative, url)) {
                    add(root, relative, url, Files.readAllBytes(path));
                }
            }
        }
    }

    private void listJar(URL root, JarURLConnection connection) throws IOException {
        // Without caches: a cached JarFile stays open and is shared with the class loader, and would show a rebuilt
        // jar's old entries.
        connection.setUseCaches(false);
        String entryName = connection.getEntryName() == null ? "" : connection.getEntryName();
        String prefix = entryName.endsWith("/") ? entryName : entryName + "/";
        String rootUrl = root.toString().endsWith("/") ? root.toString() : root + "/";
        try (JarFile jar = connection.getJarFile()) {
            List<JarEntry> entries = Collections.list(jar.entries()).stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix))
                    .sorted(Comparator.comparing(JarEntry::getName))
                    .toList();
            for (JarEntry entry : entries) {
                String relative = entry.getName().substring(prefix.length());
                String url = rootUrl + relative;
                if (accept(relative, url)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(root, relative, url, in.readAllBytes());
                    }
                }
            }
        }
    }

    /** Returns whether the file is a SQL migration to read; records a problem for a {@code .sql} file that is not. */
    private boolean accept(String relative, String url) {
        if (!SqlFileName.isSql(relative)) {
            return false;
        }
        if (relative.contains("/")) {
            problems.add("The SQL file " + url + " is in a subfolder of " + location
                    + "; SQL migrations must be directly in " + location + ". Move it there.");
            return false;
        }
        if (SqlFileName.parse(relative).isEmpty()) {
            problems.add("The SQL file " + url + " is not named <id>.sql, <id>.postgresql.sql or <id>.sqlite.sql"
                    + " with a valid migration ID (1 to 255 characters matching [A-Za-z0-9][A-Za-z0-9._-]*,"
                    + " variants in lower case). Rename it, or move it out of " + location + ".");
            return false;
        }
        return true;
    }

    private void add(URL root, String fileName, String url, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add("The SQL file " + url + " is not valid UTF-8; save it in UTF-8.");
            return;
        }
        SqlFile file = SqlFile.of(SqlFileName.parse(fileName).orElseThrow(), location + "/" + fileName, url, text);
        byRootAndId
                .computeIfAbsent(List.of(root.toString(), file.id()), key -> new ArrayList<>())
                .add(file);
    }
}
