package dev.godwit.cli;

/** How {@code status} and {@code plan} print: a table for people, JSON for programs. */
enum OutputFormat {
    TABLE,
    JSON
}
