package dev.godwit.runtime.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.DuplicateMigrationException;
import dev.godwit.runtime.InvalidRegistryException;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the migrations of every registry into one list in natural ID order, after checking each registry keeps its
 * contract and no ID is declared twice. Touches no database, so every mistake found here is found before anything
 * runs.
 */
final class MigrationPlan {

    private MigrationPlan() {}

    /**
     * Returns every migration of the registries, in natural ID order.
     *
     * <p>Registries are generated in ID order, but a hand-written one need not be, and their merge needs a sort
     * anyway; so the order of each registry's list is not relied upon, only its indexes.
     *
     * @throws InvalidRegistryException if a registry's migrations cannot be read or are not valid
     * @throws DuplicateMigrationException if an ID is declared more than once, naming every such ID
     */
    static List<PlannedMigration> of(List<MigrationRegistry> registries) {
        List<PlannedMigration> plan = new ArrayList<>();
        Map<String, PlannedMigration> byId = new HashMap<>();
        Map<String, List<PlannedMigration>> duplicates = new TreeMap<>(MigrationIds.ORDER);
        for (MigrationRegistry registry : registries) {
            List<MigrationDefinition> definitions = migrationsOf(registry);
            for (int index = 0; index < definitions.size(); index++) {
                PlannedMigration migration = new PlannedMigration(registry, index, check(registry, definitions, index));
                PlannedMigration first = byId.putIfAbsent(migration.id(), migration);
                if (first != null) {
                    duplicates
                            .computeIfAbsent(migration.id(), id -> new ArrayList<>(List.of(first)))
                            .add(migration);
                }
                plan.add(migration);
            }
        }
        if (!duplicates.isEmpty()) {
            throw duplicateMigrations(duplicates);
        }
        plan.sort(Comparator.comparing(PlannedMigration::id, MigrationIds.ORDER));
        return plan;
    }

    private static List<MigrationDefinition> migrationsOf(MigrationRegistry registry) {
        List<MigrationDefinition> definitions;
        try {
            definitions = registry.migrations();
        } catch (RuntimeException | LinkageError e) {
            throw new InvalidRegistryException(
                    "The migration registry " + registry.getClass().getName() + " failed to list its migrations: " + e
                            + ". Rebuild the module that contains it.",
                    e);
        }
        if (definitions == null) {
            throw new InvalidRegistryException(
                    "The migration registry " + registry.getClass().getName()
                            + " returned null from migrations(); it must return a list, empty if it has no migrations.");
        }
        return definitions;
    }

    private static MigrationDefinition check(
            MigrationRegistry registry, List<MigrationDefinition> definitions, int index) {
        MigrationDefinition definition = definitions.get(index);
        if (definition == null) {
            throw new InvalidRegistryException("The migration registry "
                    + registry.getClass().getName() + " lists null at position " + index + " of migrations().");
        }
        // MigrationDefinition.code checks the ID already; checked again in case a future factory does not.
        if (!MigrationIds.isValid(definition.id())) {
            throw new InvalidRegistryException("The migration registry "
                    + registry.getClass().getName()
                    + " lists the invalid ID '" + definition.id() + "' for " + definition.source()
                    + ": an ID has 1 to " + MigrationIds.MAX_LENGTH + " characters matching " + MigrationIds.PATTERN
                    + ".");
        }
        return definition;
    }

    private static DuplicateMigrationException duplicateMigrations(Map<String, List<PlannedMigration>> duplicates) {
        StringBuilder message = new StringBuilder();
        duplicates.forEach((id, migrations) -> {
            message.append(message.length() == 0 ? "" : "\n")
                    .append("Migration ID '")
                    .append(id)
                    .append("' is declared ")
                    .append(migrations.size() == 2 ? "twice" : migrations.size() + " times")
                    .append(": ");
            for (int i = 0; i < migrations.size(); i++) {
                message.append(i == 0 ? "by " : " and by ")
                        .append(migrations.get(i).origin());
            }
            message.append('.');
        });
        message.append("\nA migration ID must be unique across every registry on the class path: rename all but one"
                + " of them. Nothing has run.");
        return new DuplicateMigrationException(List.copyOf(duplicates.keySet()), message.toString());
    }
}
