package dev.godwit.runtime;

/** The databases Godwit runs migrations on. */
public enum DatabaseKind {
    /** PostgreSQL, version 12 or newer. */
    POSTGRESQL,
    /** SQLite, version 3.24 or newer (the {@code sqlite-jdbc} driver). */
    SQLITE
}
