package dev.godwit.runtime;

/**
 * Where a migration stands, as {@link MigrationRunner#status()} reports it: from the migrations in code and SQL files
 * and the rows of the tracking table.
 */
public enum MigrationState {
    /** In code or a SQL file, with no row in the tracking table: the next run runs it. */
    PENDING,
    /** Its last run succeeded, and its checksum is the recorded one (or one of the two is unknown). */
    SUCCEEDED,
    /** Its last run failed: its changes were rolled back and the next run tries it again. */
    FAILED,
    /**
     * Its last run succeeded, but it has changed since: its current checksum differs from the recorded one. It is not
     * run again; revert the change, or accept it with {@link MigrationRunner#acceptChecksums(String...)}.
     */
    CHANGED,
    /** Recorded in the tracking table but no longer in code or SQL files: deleted or renamed since it ran. */
    UNKNOWN,
    /**
     * An interval migration ({@code @Migration(runUntil = ...)}) whose last run succeeded and whose threshold
     * ({@link MigrationStatus#runUntil()}) has not passed: the next run runs it again.
     */
    ACTIVE,
    /**
     * An interval migration whose threshold ({@link MigrationStatus#runUntil()}) has passed: it never runs again,
     * whatever its last run did. Takes precedence over every other state but {@link #UNKNOWN}.
     */
    EXPIRED,
    /**
     * A migration the next run would run ({@link #PENDING}, {@link #FAILED} or {@link #ACTIVE} otherwise), but that
     * is held back while one of its prerequisites ({@code @Migration(after = ...)}, {@link
     * MigrationStatus#blockedBy()}) has not succeeded. In {@link MigrationRunner#plan()}, it runs if they succeed
     * first in the same run.
     */
    BLOCKED
}
