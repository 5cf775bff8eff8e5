package dev.godwit.runtime;

import dev.godwit.MigrationIds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runtime knows about one migration before running it: its ID, its kind, where it comes from and the
 * checksum of its content. Immutable.
 *
 * <p>Generated registries create these through {@link #code}, and set what differs from the defaults with the
 * {@code with...} methods ({@link #withTransactional}, {@link #withRunUntil}, {@link #withAfter}); the runner
 * creates those of SQL files. Every factory checks the ID with {@link MigrationIds#isValid(String)}, so a
 * hand-written registry cannot bring an ID the processor would reject.
 */
public final class MigrationDefinition {

    private final String id;
    private final MigrationKind kind;
    private final String source;
    private final String checksum;
    private final boolean transactional;
    private final Instant runUntil;
    private final List<String> after;

    private MigrationDefinition(String id, MigrationKind kind, String source, String checksum) {
        this(id, kind, source, checksum, true, null, List.of());
    }

    private MigrationDefinition(
            String id,
            MigrationKind kind,
            String source,
            String checksum,
            boolean transactional,
            Instant runUntil,
            List<String> after) {
        if (!MigrationIds.isValid(id)) {
            throw new IllegalArgumentException("Invalid migration ID '" + id + "' from " + source
                    + ": an ID has 1 to " + MigrationIds.MAX_LENGTH + " characters matching "
                    + MigrationIds.PATTERN);
        }
        this.id = id;
        this.kind = kind;
        this.source = Objects.requireNonNull(source, "source");
        this.checksum = checksum;
        this.transactional = transactional;
        this.runUntil = runUntil;
        this.after = List.copyOf(after);
    }

    /**
     * Describes a migration declared by a {@code @Migration} method, without a checksum.
     *
     * @param id the migration ID
     * @param source the method, as {@code com.example.Outer.Inner#method}
     * @return the definition
     * @throws IllegalArgumentException if {@code id} is not a valid ID ({@link MigrationIds#isValid})
     */
    public static MigrationDefinition code(String id, String source) {
        return new MigrationDefinition(id, MigrationKind.CODE, source, null);
    }

    /**
     * Describes a migration declared by a {@code @Migration} method.
     *
     * @param id the migration ID
     * @param source the method, as {@code com.example.Outer.Inner#method}
     * @param checksum the checksum the processor computed from the method's syntax tree, or {@code null} where the
     *     compiler offered no tree to compute it from
     * @return the definition
     * @throws IllegalArgumentException if {@code id} is not a valid ID ({@link MigrationIds#isValid})
     */
    public static MigrationDefinition code(String id, String source, String checksum) {
        return new MigrationDefinition(id, MigrationKind.CODE, source, checksum);
    }

    /**
     * Describes a migration written as a SQL file.
     *
     * @param id the migration ID
     * @param source the file's resource path, such as {@code db/migration/v3_add_language.sql}
     * @param checksum the checksum of the file's content
     * @return the definition
     * @throws IllegalArgumentException if {@code id} is not a valid ID ({@link MigrationIds#isValid})
     */
    public static MigrationDefinition sql(String id, String source, String checksum) {
        return new MigrationDefinition(id, MigrationKind.SQL, source, Objects.requireNonNull(checksum, "checksum"));
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
     * @return the kind
     */
    public MigrationKind kind() {
        return kind;
    }

    /**
     * Returns where the migration is declared: {@code com.example.Outer.Inner#method} for a method, the resource
     * path for a SQL file.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the checksum of the migration's content, which changes when what the migration does changes.
     *
     * @return the checksum, or empty where none could be computed
     */
    public Optional<String> checksum() {
        return Optional.ofNullable(checksum);
    }

    /**
     * Returns whether the migration runs in a transaction together with its tracking row (the default), or outside
     * any transaction ({@code @Migration(transactional = false)}), for statements that cannot run in one.
     *
     * @return {@code true} unless the migration is non-transactional
     */
    public boolean transactional() {
        return transactional;
    }

    /**
     * Returns the instant until which the migration runs at every start, even after it succeeded
     * ({@code @Migration(runUntil = ...)}); from then on it never runs again.
     *
     * @return the threshold, or empty for a migration that runs until it succeeds once
     */
    public Optional<Instant> runUntil() {
        return Optional.ofNullable(runUntil);
    }

    /**
     * Returns the IDs of the migrations that must have succeeded before this one may run
     * ({@code @Migration(after = ...)}).
     *
     * @return the prerequisite IDs, in the order declared; empty if there are none
     */
    public List<String> after() {
        return after;
    }

    /**
     * Returns a copy of this definition that runs, or does not run, in a transaction with its tracking row.
     *
     * @param transactional {@code false} for a migration that must run outside any transaction
     * @return the copy
     */
    public MigrationDefinition withTransactional(boolean transactional) {
        return new MigrationDefinition(id, kind, source, checksum, transactional, runUntil, after);
    }

    /**
     * Returns a copy of this definition that runs at every start until {@code runUntil}, then never again.
     *
     * @param runUntil the threshold
     * @return the copy
     */
    public MigrationDefinition withRunUntil(Instant runUntil) {
        return new MigrationDefinition(
                id, kind, source, checksum, transactional, Objects.requireNonNull(runUntil, "runUntil"), after);
    }

    /**
     * Returns a copy of this definition that runs only once the migrations {@code ids} have succeeded.
     *
     * @param ids the prerequisite IDs
     * @return the copy
     * @throws IllegalArgumentException if an ID is not valid
     */
    public MigrationDefinition withAfter(String... ids) {
        for (String prerequisite : ids) {
            if (!MigrationIds.isValid(prerequisite)) {
                throw new IllegalArgumentException(
                        "Invalid prerequisite ID '" + prerequisite + "' of migration " + id + " (" + source + ")");
            }
        }
        return new MigrationDefinition(id, kind, source, checksum, transactional, runUntil, List.of(ids));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationDefinition other
                && id.equals(other.id)
                && kind == other.kind
                && source.equals(other.source)
                && Objects.equals(checksum, other.checksum)
                && transactional == other.transactional
                && Objects.equals(runUntil, other.runUntil)
                && after.equals(other.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, source, checksum, transactional, runUntil, after);
    }

    @Override
    public String toString() {
        return id + " (" + source + ")";
    }
}
