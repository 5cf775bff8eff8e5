package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.DatabaseKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The files of one SQL migration in one class path root (a folder or a jar): its plain file, its database variants,
 * or both.
 *
 * @param id the migration ID
 * @param root the URL of the location in that root, such as {@code jar:file:/app/lib/catalog.jar!/db/migration}
 * @param files the files, at least one, sorted by name
 */
public record SqlMigration(String id, String root, List<SqlFile> files) {

    /**
     * Creates the migration.
     *
     * @param id the migration ID
     * @param root the URL of the location in that root
     * @param files the files, at least one, sorted by name
     */
    public SqlMigration {
        files = List.copyOf(files);
    }

    /**
     * Returns the file to run on a database: its variant for that database, else the plain file.
     *
     * @param kind the database
     * @return the file, or empty if the migration has variants for other databases only
     */
    public Optional<SqlFile> fileFor(DatabaseKind kind) {
        return files.stream()
                .filter(file -> file.variant() == kind)
                .findFirst()
                .or(() -> files.stream().filter(file -> file.variant() == null).findFirst());
    }

    /**
     * Describes where the migration is declared, for messages: every file's URL.
     *
     * @return the description
     */
    public String origin() {
        return (files.size() == 1 ? "SQL file " : "SQL files ")
                + files.stream().map(SqlFile::url).collect(Collectors.joining(", "));
    }
}
