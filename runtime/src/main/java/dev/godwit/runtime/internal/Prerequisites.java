package dev.godwit.runtime.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.InvalidPrerequisiteException;
import dev.godwit.runtime.MigrationDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules of prerequisites ({@code @Migration(after = ...)}): each names a migration that sorts before the one
 * that names it, so they can form no cycle and a run meets each before what needs it; and a migration is held back
 * while one of them has not succeeded.
 */
final class Prerequisites {

    private Prerequisites() {}

    /**
     * Checks that every prerequisite is a declared migration that sorts before the migration that names it.
     *
     * @param migrations every migration of code
     * @param declared every declared ID, of code and SQL files
     * @throws InvalidPrerequisiteException naming each prerequisite that breaks a rule, and its migration
     */
    static void check(Collection<MigrationDefinition> migrations, Set<String> declared) {
        List<String> problems = new ArrayList<>();
        for (MigrationDefinition migration : migrations) {
            for (String prerequisite : migration.after()) {
                if (!declared.contains(prerequisite)) {
                    problems.add("Migration " + migration.id() + " (" + migration.source() + ") must run after "
                            + prerequisite + ", but no registry or SQL file on the class path declares a migration "
                            + prerequisite + ". Correct the ID in its @Migration(after = ...), or put the jar or SQL"
                            + " file that declares it on the class path.");
                } else if (MigrationIds.ORDER.compare(prerequisite, migration.id()) >= 0) {
                    problems.add("Migration " + migration.id() + " (" + migration.source() + ") must run after "
                            + prerequisite + ", which does not sort before it, so it would always be held back."
                            + " A prerequisite must have an ID that sorts before the migration's own (which also"
                            + " rules out cycles): rename one of them, or remove the prerequisite.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPrerequisiteException(String.join("\n", problems) + "\nNothing has run.");
        }
    }

    /**
     * Returns the prerequisites of {@code migration} that have not succeeded, in the order declared.
     *
     * @param succeeded whether the migration of an ID has succeeded
     */
    static List<String> unmet(MigrationDefinition migration, Predicate<String> succeeded) {
        if (migration.after().isEmpty()) {
            // Most migrations: no stream to build for each.
            return List.of();
        }
        return migration.after().stream().filter(succeeded.negate()).toList();
    }
}
