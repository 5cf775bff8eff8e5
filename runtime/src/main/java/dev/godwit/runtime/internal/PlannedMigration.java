package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationDefinition;

/**
 * One migration of the merged plan, with what it takes to run it.
 *
 * @param definition its ID, kind, source and checksum
 * @param origin where it is declared, for messages: the method and its registry, or the SQL file's URL
 * @param body its work
 */
record PlannedMigration(MigrationDefinition definition, String origin, MigrationBody body) {

    /** Returns the migration ID. */
    String id() {
        return definition.id();
    }
}
