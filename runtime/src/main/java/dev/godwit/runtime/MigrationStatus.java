package dev.godwit.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one migration stands: what the code and SQL files say about it (its kind, source and current checksum) and
 * what its tracking row says (when it last ran, how long it took, its error, the checksum recorded then). Returned by
 * {@link MigrationRunner#status()} and {@link MigrationRunner#plan()}. Immutable.
 */
public final class MigrationStatus {

    private static final int SHORT_CHECKSUM = 12;

    private final String id;
    private final MigrationKind kind;
    private final String source;
    private final MigrationState state;
    private final Instant executedAt;
    private final Duration duration;
    private final String error;
    private final String checksum;
    private final String recordedChecksum;
    private final Instant runUntil;
    private final List<String> blockedBy;

    private MigrationStatus(
            String id,
            MigrationDefinition migration,
            MigrationState state,
            Instant executedAt,
            Duration duration,
            String error,
            String recordedChecksum) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = migration == null ? null : migration.kind();
        this.source = migration == null ? null : migration.source();
        this.checksum = migration == null ? null : migration.checksum().orElse(null);
        this.runUntil = migration == null ? null : migration.runUntil().orElse(null);
        this.state = state;
        this.executedAt = executedAt;
        this.duration = duration;
        this.error = error;
        this.recordedChecksum = recordedChecksum;
        this.blockedBy = List.of();
    }

    private MigrationStatus(MigrationStatus status, List<String> blockedBy) {
        this.id = status.id;
        this.kind = status.kind;
        this.source = status.source;
        this.checksum = status.checksum;
        this.runUntil = status.runUntil;
        this.state = MigrationState.BLOCKED;
        this.executedAt = status.executedAt;
        this.duration = status.duration;
        this.error = status.error;
        this.recordedChecksum = status.recordedChecksum;
        this.blockedBy = List.copyOf(blockedBy);
    }

    /**
     * Describes a migration that has no tracking row: {@link MigrationState#PENDING}, or {@link
     * MigrationState#EXPIRED} for an interval migration whose threshold has passed by the system clock.
     *
     * @param migration the migration
     * @return the status
     */
    public static MigrationStatus pending(MigrationDefinition migration) {
        return pending(migration, Clock.systemUTC().instant());
    }

    /**
     * Describes a migration that has no tracking row: {@link MigrationState#PENDING}, or {@link
     * MigrationState#EXPIRED} for an interval migration whose threshold is not after {@code now}.
     *
     * @param migration the migration
     * @param now the time that decides whether an interval migration has expired
     * @return the status
     */
    public static MigrationStatus pending(MigrationDefinition migration, Instant now) {
        MigrationState state = isExpired(migration, now) ? MigrationState.EXPIRED : MigrationState.PENDING;
        return new MigrationStatus(migration.id(), migration, state, null, null, null, null);
    }

    /**
     * Returns a copy of this status in the state {@link MigrationState#BLOCKED}: held back until {@code
     * prerequisites} succeed.
     *
     * @param prerequisites the IDs of the prerequisites that have not succeeded, not empty
     * @return the copy
     * @throws IllegalArgumentException if {@code prerequisites} is empty
     */
    public MigrationStatus blockedBy(List<String> prerequisites) {
        if (prerequisites.isEmpty()) {
            throw new IllegalArgumentException("A blocked migration needs a prerequisite that holds it back: " + id);
        }
        return new MigrationStatus(this, prerequisites);
    }

    private static boolean isExpired(MigrationDefinition migration, Instant now) {
        return migration.runUntil().filter(runUntil -> !now.isBefore(runUntil)).isPresent();
    }

    /**
     * Describes a migration with a tracking row, deciding whether an interval migration has expired by the system
     * clock; see {@link #recorded(MigrationDefinition, boolean, Instant, Duration, String, String, Instant)}.
     *
     * @param migration the migration
     * @param succeeded whether its last run succeeded
     * @param executedAt when its last run started
     * @param duration how long its last run took
     * @param error the error of its last run if that failed, else {@code null}
     * @param recordedChecksum the checksum recorded by its last run, or {@code null}
     * @return the status
     */
    public static MigrationStatus recorded(
            MigrationDefinition migration,
            boolean succeeded,
            Instant executedAt,
            Duration duration,
            String error,
            String recordedChecksum) {
        return recorded(
                migration,
                succeeded,
                executedAt,
                duration,
                error,
                recordedChecksum,
                Clock.systemUTC().instant());
    }

    /**
     * Describes a migration with a tracking row: {@link MigrationState#EXPIRED} for an interval migration whose
     * threshold is not after {@code now}; else {@link MigrationState#FAILED} if its last run failed; else {@link
     * MigrationState#ACTIVE} for an interval migration, which runs again whatever its checksum; else {@link
     * MigrationState#CHANGED} if its checksum and the recorded one are both known and differ; else {@link
     * MigrationState#SUCCEEDED}.
     *
     * @param migration the migration
     * @param succeeded whether its last run succeeded
     * @param executedAt when its last run started
     * @param duration how long its last run took
     * @param error the error of its last run if that failed, else {@code null}
     * @param recordedChecksum the checksum recorded by its last run, or {@code null}
     * @param now the time that decides whether an interval migration has expired
     * @return the status
     */
    public static MigrationStatus recorded(
            MigrationDefinition migration,
            boolean succeeded,
            Instant executedAt,
            Duration duration,
            String error,
            String recordedChecksum,
            Instant now) {
        String checksum = migration.checksum().orElse(null);
        MigrationState state;
        if (isExpired(migration, now)) {
            state = MigrationState.EXPIRED;
        } else if (!succeeded) {
            state = MigrationState.FAILED;
        } else if (migration.runUntil().isPresent()) {
            state = MigrationState.ACTIVE;
        } else if (checksum != null && recordedChecksum != null && !checksum.equals(recordedChecksum)) {
            state = MigrationState.CHANGED;
        } else {
            state = MigrationState.SUCCEEDED;
        }
        return new MigrationStatus(
                migration.id(),
                migration,
                state,
                Objects.requireNonNull(executedAt, "executedAt"),
                Objects.requireNonNull(duration, "duration"),
                error,
                recordedChecksum);
    }

    /**
     * Describes a tracking row of a migration that is no longer in code or SQL files:
     * {@link MigrationState#UNKNOWN}.
     *
     * @param id the row's ID
     * @param executedAt when the migration last ran
     * @param duration how long it took
     * @param error the error of that run if it failed, else {@code null}
     * @param recordedChecksum the checksum recorded by that run, or {@code null}
     * @return the status
     */
    public static MigrationStatus unknown(
            String id, Instant executedAt, Duration duration, String error, String recordedChecksum) {
        return new MigrationStatus(
                id,
                null,
                MigrationState.UNKNOWN,
                Objects.requireNonNull(executedAt, "executedAt"),
                Objects.requireNonNull(duration, "duration"),
                error,
                recordedChecksum);
    }

    /**
     * Returns the migration ID.
     *
     * @return the ID
     */
    public String id() {
        return id;
    }

    /**
     * Returns whether the migration is a method or a SQL file.
     *
     * @return the kind; empty for {@link MigrationState#UNKNOWN}
     */
    public Optional<MigrationKind> kind() {
        return Optional.ofNullable(kind);
    }

    /**
     * Returns where the migration is declared: {@code com.example.Outer#method}, or the SQL file's resource path
     * (the variant for the connected database where there is one).
     *
     * @return the source; empty for {@link MigrationState#UNKNOWN}
     */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Returns where the migration stands.
     *
     * @return the state
     */
    public MigrationState state() {
        return state;
    }

    /**
     * Returns when the migration's last run started, as recorded.
     *
     * @return the time; empty for {@link MigrationState#PENDING}
     */
    public Optional<Instant> executedAt() {
        return Optional.ofNullable(executedAt);
    }

    /**
     * Returns how long the migration's last run took, as recorded (to the millisecond).
     *
     * @return the duration; empty for {@link MigrationState#PENDING}
     */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /**
     * Returns the recorded error of the migration's last run: its exception and causes.
     *
     * @return the error, if the last run failed
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns the checksum of the migration as it is now: of the SQL file, or the one the annotation processor
     * computed for the method.
     *
     * @return the checksum; empty for {@link MigrationState#UNKNOWN} and for methods compiled without one
     */
    public Optional<String> checksum() {
        return Optional.ofNullable(checksum);
    }

    /**
     * Returns the checksum recorded when the migration last ran.
     *
     * @return the checksum; empty if it has not run, or ran without one
     */
    public Optional<String> recordedChecksum() {
        return Optional.ofNullable(recordedChecksum);
    }

    /**
     * Returns the threshold of an interval migration ({@code @Migration(runUntil = ...)}): it runs at every start
     * before that instant, and never from then on.
     *
     * @return the threshold; empty for a migration that runs until it succeeds once, and for {@link
     *     MigrationState#UNKNOWN}
     */
    public Optional<Instant> runUntil() {
        return Optional.ofNullable(runUntil);
    }

    /**
     * Returns the prerequisites that hold a {@link MigrationState#BLOCKED} migration back: those of its
     * prerequisite IDs ({@link MigrationDefinition#after()}) whose last run did not succeed.
     *
     * @return the prerequisite IDs, in the order declared; empty unless the state is {@link MigrationState#BLOCKED}
     */
    public List<String> blockedBy() {
        return blockedBy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationStatus other
                && id.equals(other.id)
                && kind == other.kind
                && Objects.equals(source, other.source)
                && state == other.state
                && Objects.equals(executedAt, other.executedAt)
                && Objects.equals(duration, other.duration)
                && Objects.equals(error, other.error)
                && Objects.equals(checksum, other.checksum)
                && Objects.equals(recordedChecksum, other.recordedChecksum)
                && Objects.equals(runUntil, other.runUntil)
                && blockedBy.equals(other.blockedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id, kind, source, state, executedAt, duration, error, checksum, recordedChecksum, runUntil, blockedBy);
    }

    /**
     * Returns the status on one line: {@code v3_add_language CHANGED (SQL db/migration/v3_add_language.sql), ran at
     * 2024-05-01T12:00:00.123Z in 12 ms, checksum 9f86d081884c, recorded 60303ae22b99}, with checksums shortened to
     * 12 digits and the first line of an error.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(id).append(' ').append(state);
        if (kind != null) {
            text.append(" (").append(kind).append(' ').append(source).append(')');
        }
        if (!blockedBy.isEmpty()) {
            text.append(", blocked by ").append(String.join(", ", blockedBy));
        }
        if (runUntil != null) {
            text.append(", runs until ").append(runUntil);
        }
        if (executedAt != null) {
            text.append(", ran at ")
                    .append(executedAt)
                    .append(" in ")
                    .append(duration.toMillis())
                    .append(" ms");
        }
        if (checksum != null) {
            text.append(", checksum ").append(shorten(checksum));
        }
        if (recordedChecksum != null) {
            text.append(", recorded ").append(shorten(recordedChecksum));
        }
        if (error != null) {
            text.append(": ").append(error.lines().findFirst().orElse(""));
        }
        return text.toString();
    }

    private static String shorten(String checksum) {
        return checksum.length() <= SHORT_CHECKSUM ? checksum : checksum.substring(0, SHORT_CHECKSUM);
    }
}
