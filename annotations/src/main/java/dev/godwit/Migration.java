package dev.godwit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a database migration with a stable ID.
 *
 * <pre>{@code
 * final class CatalogMigrations {
 *   @Migration("v1_backfill_language")
 *   static void backfillLanguage(Handle handle) {
 *     handle.execute("UPDATE books SET language = 'en' WHERE language IS NULL");
 *   }
 * }
 * }</pre>
 *
 * <p>The Godwit annotation processor finds every annotated method at compile time and generates a registry that
 * the runtime's {@code MigrationRunner} reads at start-up: no class path scanning, no reflection. Migrations run
 * in the natural order of their IDs ({@link MigrationIds#ORDER}), each in its own transaction, and each is recorded
 * in a tracking table under its ID.
 *
 * <p>The processor reports a compile error, on the offending element, for each of these rules:
 *
 * <ul>
 *   <li>The {@linkplain #value() ID} is unique in the compilation: no two methods carry the same ID. Nor may two
 *       IDs differ only in letter case or in their separators ({@code v1.2} and {@code v1_2}), as their generated
 *       constants would clash.
 *   <li>The ID is valid: see {@link MigrationIds#isValid(String)} — 1 to 255 characters, starting with a letter
 *       or digit, then letters, digits, {@code .}, {@code _} or {@code -}.
 *   <li>The method is not {@code private}, not {@code abstract}, not generic, returns {@code void}, and takes
 *       only parameters of the supported types, each at most once: {@code org.jdbi.v3.core.Handle} (the
 *       migration's transaction) and {@code dev.godwit.runtime.MigrationContext}. It may declare any exceptions.
 *   <li>The generated registry can reach the method: its class, and every class enclosing it, is a top-level or
 *       {@code static} nested class that is not {@code private}; local and anonymous classes cannot hold
 *       migrations. Package-private classes and methods are fine.
 *   <li>An instance (non-{@code static}) method's class is a class, not an interface, enum or abstract class. If it
 *       has a non-private constructor without parameters that declares no checked exception, the runtime calls it
 *       unless it is configured with its own instance factory; if not, only that factory can supply an instance,
 *       and the migration fails at run time without one.
 *   <li>{@link #runUntil()}, when set, is an ISO-8601 instant such as {@code 2027-03-01T00:00:00Z}.
 *   <li>Each ID in {@link #after()} is a valid ID that sorts before this migration's own ID (so a migration cannot
 *       be its own prerequisite, and prerequisites can form no cycle), and names a migration that exists: a
 *       {@code @Migration} method of the compilation, a migration of a dependency's registry, or a SQL file the
 *       compiler can see.
 *   <li>The migration appears before the registry is written: a method in a source that another annotation
 *       processor generates after Godwit wrote its registry is an error.
 * </ul>
 *
 * <p>The processor option {@code -Agodwit.registry=com.example.AppMigrations} names the generated registry; by
 * default it is {@code GodwitRegistry} in the package all migration classes share.
 *
 * <p>Once a migration has run anywhere, never rename its ID: databases track it by this string.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Migration {

    /**
     * The stable ID of this migration, such as {@code v1_backfill_language}: the primary key of its tracking row,
     * and the key that orders it among all migrations ({@code v2} before {@code v10}).
     *
     * @return the migration ID
     */
    String value();

    /**
     * Whether the migration runs in one transaction together with its tracking row (the default): its work and the
     * record that it happened commit together or not at all, and a failure rolls its work back.
     *
     * <p>Set it to {@code false} for statements that cannot run in a transaction, such as PostgreSQL's
     * {@code CREATE INDEX CONCURRENTLY} or SQLite's {@code VACUUM}. Such a migration has a weaker guarantee: it runs
     * <em>at least</em> once — if the process dies after its work and before its record, it runs again on the next
     * start — and a failure halfway leaves whatever it did so far. Write it so that running it again does no harm
     * ({@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}).
     *
     * @return {@code false} to run the migration outside any transaction
     */
    boolean transactional() default true;

    /**
     * Makes this an <em>interval migration</em>: it runs at every start (every {@code runAll}), even after it has
     * succeeded, as long as the run's clock is before this instant, and never from then on. Empty (the default): the
     * migration runs until it succeeds once.
     *
     * <p>For rolling deploys: while instances of the old version still write rows in the old shape, a migration
     * that converts them must run again at each start of a new instance. Set the threshold to a time by which no
     * old instance can be left, such as a day after the deploy. Such a migration must be idempotent.
     *
     * <p>Its tracking row shows its last run. Its status is {@code ACTIVE} after a success while the threshold has
     * not passed, and {@code EXPIRED} from then on.
     *
     * @return an ISO-8601 instant in UTC, as {@link java.time.Instant#parse} reads it: {@code
     *     "2027-03-01T00:00:00Z"}; or empty
     */
    String runUntil() default "";

    /**
     * The IDs of migrations that must have succeeded before this one runs, such as a column this migration fills:
     * {@code @Migration(value = "v5_fill_isbn", after = "v4_add_isbn_column")}. Code and SQL migrations alike.
     *
     * <p>If a prerequisite has not succeeded (it failed, or was itself held back), this migration is held back: not
     * run, reported as {@code BLOCKED} with the reason, and run on a later start once its prerequisites have
     * succeeded. Migrations without prerequisites keep running past failures as always.
     *
     * <p>Each prerequisite must sort before this migration in ID order, which also rules out cycles.
     *
     * @return the prerequisite IDs; empty (the default) for none
     */
    String[] after() default {};
}
