package dev.godwit.runtime;

/** Where a migration's work is written. */
public enum MigrationKind {
    /** A {@code @Migration} method, called through a generated registry. */
    CODE,
    /** A {@code .sql} file on the class path. */
    SQL
}
