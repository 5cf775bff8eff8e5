package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;

/**
 * One migration of the merged plan, with what it takes to run it.
 *
 * @param registry the registry that declares it
 * @param index its position in that registry's {@link MigrationRegistry#migrations()}, for
 *     {@link MigrationRegistry#run}
 * @param definition its ID and source
 */
public record PlannedMigration(MigrationRegistry registry, int index, MigrationDefinition definition) {

    /**
     * Returns the migration ID.
     *
     * @return the ID
     */
    public String id() {
        return definition.id();
    }

    /** Returns where the migration is declared and by which registry, for messages. */
    String origin() {
        return definition.source() + " (registry " + registry.getClass().getName() + ")";
    }
}
