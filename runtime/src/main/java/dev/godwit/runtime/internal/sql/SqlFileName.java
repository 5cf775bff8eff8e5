package dev.godwit.runtime.internal.sql;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.DatabaseKind;
import java.util.Locale;
import java.util.Optional;

/**
 * The name of a SQL migration file: {@code <id>.sql} for every database, or {@code <id>.<database>.sql} for one
 * ({@code v3_add_language.postgresql.sql}, {@code v3_add_language.sqlite.sql}), where the database is a
 * {@link DatabaseKind} in lower case. An ID may hold dots ({@code v1.2.sql} is the migration {@code v1.2}), but the
 * ID of a SQL file cannot end in {@code .postgresql} or {@code .sqlite} in any letter case: that part names a
 * variant.
 *
 * @param id the migration ID
 * @param variant the database the file is for, or {@code null} for every database
 */
public record SqlFileName(String id, DatabaseKind variant) {

    /** The extension of SQL migration files. */
    public static final String EXTENSION = ".sql";

    /**
     * Returns whether a file is meant to be a SQL migration: its name ends in {@code .sql} in any letter case. Other
     * files in the location are ignored; these must be named correctly.
     *
     * @param fileName the file's name, without folders
     * @return {@code true} for {@code *.sql}
     */
    public static boolean isSql(String fileName) {
        return fileName.regionMatches(true, fileName.length() - EXTENSION.length(), EXTENSION, 0, EXTENSION.length());
    }

    /**
     * Parses the name of a {@code .sql} file.
     *
     * @param fileName the file's name, without folders
     * @return the ID and variant, or empty if the name is not {@code <valid id>[.<database>].sql}
     */
    public static Optional<SqlFileName> parse(String fileName) {
        if (!fileName.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - EXTENSION.length());
        DatabaseKind variant = null;
        for (DatabaseKind kind : DatabaseKind.values()) {
            String suffix = "." + suffixOf(kind);
            if (stem.endsWith(suffix)) {
                variant = kind;
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        // v1.PostgreSQL.sql is a misspelt variant, and v1.sqlite.postgresql.sql no ID a plain file could have.
        boolean namesDatabase = false;
        for (DatabaseKind kind : DatabaseKind.values()) {
            String suffix = "." + suffixOf(kind);
            namesDatabase |= stem.regionMatches(true, stem.length() - suffix.length(), suffix, 0, suffix.length());
        }
        return !namesDatabase && MigrationIds.isValid(stem)
                ? Optional.of(new SqlFileName(stem, variant))
                : Optional.empty();
    }

    /**
     * Returns the part of a variant's file name that names its database: {@code postgresql}, {@code sqlite}.
     *
     * @param kind the database
     * @return the database's name in file names
     */
    public static String suffixOf(DatabaseKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
