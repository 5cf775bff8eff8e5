package dev.godwit.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The databases the benchmark runs on. */
enum DatabaseSetup {
    SQLITE("sqlite", "SQLite file"),
    /** zonky's embedded server as it comes: it starts PostgreSQL with {@code -F} and {@code synchronous_commit=off}. */
    POSTGRES("postgres", "PostgreSQL (embedded defaults)"),
    POSTGRES_DURABLE("postgres-fsync", "PostgreSQL, fsync=on");

    private final String option;
    private final String label;

    DatabaseSetup(String option, String label) {
        this.option = option;
        this.label = label;
    }

    String option() {
        return option;
    }

    String label() {
        return label;
    }

    static DatabaseSetup ofOption(String option) {
        for (DatabaseSetup setup : values()) {
            if (setup.option.equals(option)) {
                return setup;
            }
        }
        throw new IllegalArgumentException("Unknown database '" + option + "'; one of "
                + Arrays.stream(values()).map(DatabaseSetup::option).collect(Collectors.joining(", ")));
    }
}
