package dev.godwit.runtime.internal.database;

import dev.godwit.runtime.InvalidConfigurationException;
import java.util.regex.Pattern;

/**
 * The name of the tracking table, checked to be a plain SQL identifier, optionally schema-qualified. Only names of
 * this form reach SQL text, so they can be written into statements (a table name cannot be a bind parameter) without
 * quoting or escaping.
 *
 * @param schema the schema, or {@code null} for the connection's default
 * @param table the table
 */
public record TableName(String schema, String table) {

    /** The form of each part of a name. */
    public static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

    /** The longest part: PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1). */
    public static final int MAX_PART_LENGTH = 63;

    /** The table used unless the runner is told otherwise. */
    public static final TableName DEFAULT = new TableName(null, "godwit_migrations");

    private static final Pattern IDENTIFIER_PATTERN = Pattern.compile(IDENTIFIER);

    /**
     * Checks and parses a table name given as an option.
     *
     * @param name {@code table} or {@code schema.table}
     * @return the name
     * @throws InvalidConfigurationException if {@code name} is not of that form
     */
    public static TableName parse(String name) {
        int dot = name.indexOf('.');
        String schema = dot < 0 ? null : name.substring(0, dot);
        String table = dot < 0 ? name : name.substring(dot + 1);
        if ((schema != null && !isIdentifier(schema)) || !isIdentifier(table)) {
            throw new InvalidConfigurationException("Invalid tracking table name '" + name
                    + "' given to MigrationRunner.Builder.table(String): a table name is an SQL identifier "
                    + IDENTIFIER + " of at most " + MAX_PART_LENGTH
                    + " characters, optionally qualified by a schema of the same form (schema.table).");
        }
        return new TableName(schema, table);
    }

    private static boolean isIdentifier(String part) {
        return part.length() <= MAX_PART_LENGTH
                && IDENTIFIER_PATTERN.matcher(part).matches();
    }

    /**
     * Returns the name as it is written in SQL: {@code table} or {@code schema.table}, unquoted.
     *
     * @return the name for SQL text
     */
    public String sql() {
        return schema == null ? table : schema + "." + table;
    }

    @Override
    public String toString() {
        return sql();
    }
}
