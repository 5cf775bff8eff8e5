package dev.godwit.runtime.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.DuplicateMigrationException;
import dev.godwit.runtime.InvalidRegistryException;
import dev.godwit.runtime.InvalidSqlMigrationException;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.internal.sql.SqlFile;
import dev.godwit.runtime.internal.sql.SqlFileName;
import dev.godwit.runtime.internal.sql.SqlMigration;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Merges the migrations of every registry and every SQL file into one list in natural ID order, after checking each
 * registry keeps its contract and no ID is declared twice. Touches no database: every mistake found here is found
 * before anything runs, and {@link #forDatabase} needs only the kind of database, which the JDBC driver's metadata
 * tells without a statement.
 */
final class MigrationPlan {

    /**
     * The plan built last, kept for a run that finds the same registries and SQL files: a JVM that runs again (a test
     * suite, a warm restart) need not check and merge them again. Soft, as it holds the registries' class loader.
     */
    private static final AtomicReference<SoftReference<MigrationPlan>> LAST =
            new AtomicReference<>(new SoftReference<>(null));

    private final List<MigrationRegistry> registries;
    private final List<PlannedMigration> code;
    private final List<SqlMigration> sql;
    private final Map<DatabaseKind, List<PlannedMigration>> byDatabase = new EnumMap<>(DatabaseKind.class);

    private MigrationPlan(List<MigrationRegistry> registries, List<PlannedMigration> code, List<SqlMigration> sql) {
        this.registries = registries;
        this.code = code;
        this.sql = sql;
    }

    /**
     * Returns the plan of the last call if it had the same registries (the same objects, as {@link RegistryDiscovery}
     * returns for the same class loader) and equal SQL migrations (same files, same text), else checks and merges
     * them as {@link #of} does.
     *
     * @throws InvalidRegistryException as {@link #of}
     * @throws DuplicateMigrationException as {@link #of}
     * @throws dev.godwit.runtime.InvalidPrerequisiteException as {@link #of}
     */
    static MigrationPlan reuseOrBuild(List<MigrationRegistry> registries, List<SqlMigration> sql) {
        MigrationPlan last = LAST.get().get();
        if (last != null && last.sql.equals(sql) && sameObjects(last.registries, registries)) {
            return last;
        }
        MigrationPlan plan = of(registries, sql);
        LAST.set(new SoftReference<>(plan));
        return plan;
    }

    private static boolean sameObjects(List<MigrationRegistry> these, List<MigrationRegistry> those) {
        if (these.size() != those.size()) {
            return false;
        }
        for (int i = 0; i < these.size(); i++) {
            if (these.get(i) != those.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the migrations of the registries and SQL files.
     *
     * <p>Registries are generated in ID order, but a hand-written one need not be, and their merge needs a sort
     * anyway; so the order of each registry's list is not relied upon, only its indexes.
     *
     * @param registries the registries
     * @param sql the SQL migrations, one per ID and class path root
     * @throws InvalidRegistryException if a registry's migrations cannot be read or are not valid
     * @throws DuplicateMigrationException if an ID is declared more than once, by methods, SQL files or both, naming
     *     every such ID
     * @throws dev.godwit.runtime.InvalidPrerequisiteException if a prerequisite is not declared or does not sort
     *     before its migration
     */
    static MigrationPlan of(List<MigrationRegistry> registries, List<SqlMigration> sql) {
        List<PlannedMigration> code = new ArrayList<>();
        Map<String, String> firstOrigin = new HashMap<>();
        Map<String, List<String>> duplicates = new TreeMap<>(MigrationIds.ORDER);
        for (MigrationRegistry registry : registries) {
            List<MigrationDefinition> definitions = migrationsOf(registry);
            for (int index = 0; index < definitions.size(); index++) {
                MigrationDefinition definition = check(registry, definitions, index);
                int position = index;
                PlannedMigration migration = new PlannedMigration(
                        definition,
                        definition.source() + " (registry "
                                + registry.getClass().getName() + ")",
                        (context, instances) ->
                                registry.run(position, new RunningMigrationInvocation(context, instances)));
                declare(migration.id(), migration.origin(), firstOrigin, duplicates);
                code.add(migration);
            }
        }
        for (SqlMigration migration : sql) {
            declare(migration.id(), migration.origin(), firstOrigin, duplicates);
        }
        if (!duplicates.isEmpty()) {
            throw duplicateMigrations(duplicates);
        }
        Prerequisites.check(code.stream().map(PlannedMigration::definition).toList(), firstOrigin.keySet());
        return new MigrationPlan(List.copyOf(registries), code, List.copyOf(sql));
    }

    private static void declare(
            String id, String origin, Map<String, String> firstOrigin, Map<String, List<String>> duplicates) {
        String first = firstOrigin.putIfAbsent(id, origin);
        if (first != null) {
            duplicates
                    .computeIfAbsent(id, key -> new ArrayList<>(List.of(first)))
                    .add(origin);
        }
    }

    /**
     * Returns every migration in natural ID order, with each SQL migration's file for this database: its variant
     * for it, else its plain file.
     *
     * @param kind the database the migrations run on
     * @return the migrations, unmodifiable; the same list for the same kind
     * @throws InvalidSqlMigrationException naming every SQL migration that has variants for other databases only
     */
    List<PlannedMigration> forDatabase(DatabaseKind kind) {
        synchronized (byDatabase) {
            List<PlannedMigration> plan = byDatabase.get(kind);
            if (plan == null) {
                plan = merge(kind);
                byDatabase.put(kind, plan);
            }
            return plan;
        }
    }

    private List<PlannedMigration> merge(DatabaseKind kind) {
        List<PlannedMigration> plan = new ArrayList<>(code);
        List<String> missing = new ArrayList<>();
        for (SqlMigration migration : sql) {
            Optional<SqlFile> file = migration.fileFor(kind);
            if (file.isEmpty()) {
                missing.add("The SQL migration " + migration.id() + " has variants for other databases only ("
                        + migration.origin() + ") and none for " + SqlFileName.suffixOf(kind) + ": add "
                        + migration.id() + "." + SqlFileName.suffixOf(kind) + ".sql, or " + migration.id()
                        + ".sql for every database without a variant of its own.");
                continue;
            }
            SqlFile selected = file.get();
            plan.add(new PlannedMigration(
                    MigrationDefinition.sql(selected.id(), selected.resource(), selected.checksum()),
                    migration.origin(),
                    new SqlMigrationBody(selected)));
        }
        if (!missing.isEmpty()) {
            throw new InvalidSqlMigrationException(missing);
        }
        plan.sort(Comparator.comparing(PlannedMigration::id, MigrationIds.ORDER));
        return List.copyOf(plan);
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

    private static DuplicateMigrationException duplicateMigrations(Map<String, List<String>> duplicates) {
        StringBuilder message = new StringBuilder();
        duplicates.forEach((id, origins) -> message.append(message.length() == 0 ? "" : "\n")
                .append("Migration ID '")
                .append(id)
                .append("' is declared ")
                .append(origins.size() == 2 ? "twice" : origins.size() + " times")
                .append(": by ")
                .append(String.join(" and by ", origins))
                .append('.'));
        message.append("\nA migration ID must be unique across every registry and SQL migration file on the class"
                + " path: rename all but one of them. Nothing has run.");
        return new DuplicateMigrationException(List.copyOf(duplicates.keySet()), message.toString());
    }
}
