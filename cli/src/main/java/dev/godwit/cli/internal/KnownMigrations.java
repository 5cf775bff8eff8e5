package dev.godwit.cli.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The migration IDs a project already has, for numbering a new one: SQL files in a folder of the source tree, and the
 * migrations of the registries on the application's class path. Needs no database.
 */
public final class KnownMigrations {

    private static final String[] SQL_SUFFIXES = {".postgresql.sql", ".sqlite.sql", ".sql"};

    private KnownMigrations() {}

    /**
     * Returns the IDs of the SQL migration files in a folder ({@code <id>.sql}, {@code <id>.postgresql.sql},
     * {@code <id>.sqlite.sql}), each with the file that declares it. Other files are ignored; a missing folder has
     * none.
     *
     * @param folder the folder
     * @return ID to file name
     * @throws CliException a usage error if the folder cannot be read
     */
    public static Map<String, String> inFolder(Path folder) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .map(Path::getFileName)
                    .map(Path::toString)
                    .sorted()
                    .forEach(name -> {
                        String id = sqlId(name);
                        if (id != null) {
                            ids.putIfAbsent(id, folder.resolve(name).toString());
                        }
                    });
        } catch (IOException e) {
            throw CliException.usage("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * Returns the IDs of the migrations of every registry that {@link ServiceLoader} finds through a class loader, as
     * the runner finds them, each with its source ({@code com.example.Feature#method}).
     *
     * @param classLoader the application's class loader
     * @return ID to source
     * @throws CliException a usage error if a registry cannot be loaded
     */
    public static Map<String, String> inRegistries(ClassLoader classLoader) {
        Map<String, String> ids = new LinkedHashMap<>();
        try {
            for (MigrationRegistry registry : ServiceLoader.load(MigrationRegistry.class, classLoader)) {
                for (MigrationDefinition migration : registry.migrations()) {
                    ids.putIfAbsent(migration.id(), migration.source());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw CliException.usage("Could not load a migration registry: " + e.getMessage(), e);
        }
        return ids;
    }

    /**
     * Returns the migration ID of a SQL migration file's name.
     *
     * @param fileName such as {@code v3_add_index.postgresql.sql}
     * @return the ID ({@code v3_add_index}), or {@code null} if the name is not that of a SQL migration
     */
    public static String sqlId(String fileName) {
        for (String suffix : SQL_SUFFIXES) {
            if (fileName.endsWith(suffix)) {
                String id = fileName.substring(0, fileName.length() - suffix.length());
                return MigrationIds.isValid(id) ? id : null;
            }
        }
        return null;
    }
}
