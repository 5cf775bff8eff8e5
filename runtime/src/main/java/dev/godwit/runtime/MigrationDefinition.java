package dev.godwit.runtime;

import dev.godwit.MigrationIds;
import java.util.Objects;

/**
 * What the runtime knows about one migration before running it: its ID and where it comes from. Immutable.
 *
 * <p>Generated registries create these through {@link #code}; the runner checks each ID again with
 * {@link MigrationIds#isValid(String)} so a hand-written registry cannot bring an ID the processor would reject.
 */
public final class MigrationDefinition {

    private final String id;
    private final String source;

    private MigrationDefinition(String id, String source) {
        this.id = id;
        this.source = source;
    }

    /**
     * Describes a migration declared by a {@code @Migration} method.
     *
     * @param id the migration ID
     * @param source the method, as {@code com.example.Outer.Inner#method}
     * @return the definition
     * @throws IllegalArgumentException if {@code id} is not a valid ID ({@link MigrationIds#isValid})
     */
    public static MigrationDefinition code(String id, String source) {
        if (!MigrationIds.isValid(id)) {
            throw new IllegalArgumentException("Invalid migration ID '" + id + "' from " + source
                    + ": an ID has 1 to " + MigrationIds.MAX_LENGTH + " characters matching "
                    + MigrationIds.PATTERN);
        }
        return new MigrationDefinition(id, Objects.requireNonNull(source, "source"));
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
     * Returns where the migration is declared.
     *
     * @return {@code com.example.Outer.Inner#method} for a method
     */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationDefinition other && id.equals(other.id) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source);
    }

    @Override
    public String toString() {
        return id + " (" + source + ")";
    }
}
