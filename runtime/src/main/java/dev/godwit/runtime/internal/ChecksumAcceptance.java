package dev.godwit.runtime.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.ChecksumAcceptanceException;
import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.TrackingTableException;
import dev.godwit.runtime.UnableToAcquireLockException;
import dev.godwit.runtime.internal.database.MigrationClaim;
import dev.godwit.runtime.internal.database.TrackingTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the current checksums of succeeded migrations, in one transaction, so that a runner running at the same
 * time never sees half of them. It needs no claim: a runner writes a success only in the claim that creates it
 * (unseen until that transaction commits) and then its duration, never its checksum, and each update here is
 * conditional on the success it changes.
 */
final class ChecksumAcceptance {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final MigrationClaim claim;
    private final TrackingTable tracking;
    private final List<PlannedMigration> migrations;

    ChecksumAcceptance(MigrationClaim claim, TrackingTable tracking, List<PlannedMigration> migrations) {
        this.claim = claim;
        this.tracking = tracking;
        this.migrations = migrations;
    }

    /**
     * Replaces the recorded checksum of each named succeeded migration whose checksum differs from it (or of every
     * {@link MigrationState#CHANGED} one), with the current checksum.
     *
     * @param connection the runner's connection, in auto-commit mode
     * @param tableExists whether the tracking table exists; it is not created
     * @param ids the IDs, or none for every changed migration
     * @return the status of each migration whose checksum was replaced, as it was before
     * @throws ChecksumAcceptanceException if an ID is of no migration, or of one that has not succeeded
     */
    List<MigrationStatus> accept(RunnerConnection connection, boolean tableExists, List<String> ids) {
        if (!tableExists) {
            select(Statuses.recorded(migrations, Map.of()), ids);
            return List.of();
        }
        try {
            claim.prepare(connection.connection());
            return connection.inTransaction(transaction -> {
                beginWrite(transaction);
                // Read in the transaction: a runner may have recorded a migration since the caller last looked.
                List<MigrationStatus> accepted = new ArrayList<>();
                for (MigrationStatus status :
                        select(Statuses.recorded(migrations, tracking.readAll(transaction)), ids)) {
                    String checksum = status.checksum().orElseThrow();
                    if (!updateChecksum(transaction, status.id(), checksum)) {
                        // On PostgreSQL, the update waited for another runner's transaction on the row, which then
                        // committed something other than a success (an interval migration's failed run) or deleted it.
                        if (!ids.isEmpty()) {
                            throw new ChecksumAcceptanceException(
                                    List.of(status.id()),
                                    "Cannot accept the checksum of " + status.id() + ": another runner changed its"
                                            + " row while this waited for it, and it no longer records a success"
                                            + " (MigrationRunner#status() shows where it stands). No checksum was"
                                            + " recorded.");
                        }
                        LOG.warn(
                                "Did not accept the change of migration {}: its row no longer records a success, as"
                                        + " another runner has changed it since it was read",
                                status.id());
                        continue;
                    }
                    accepted.add(status);
                    LOG.info(
                            "Accepted the change of migration {}: its recorded checksum was {} and is now {}",
                            status.id(),
                            status.recordedChecksum().orElse("none"),
                            checksum);
                }
                return List.copyOf(accepted);
            });
        } catch (RowHeld held) {
            // Asked once the transaction has rolled back: PostgreSQL refuses statements in a failed transaction.
            throw new UnableToAcquireLockException(
                    held.id,
                    waited(
                            "the checksum of migration " + held.id + ", whose row another runner holds",
                            holder(connection.connection(), held.id)),
                    held.getCause());
        } catch (RunnerConnection.Failure e) {
            throw new DatabaseAccessException(
                    e.step() == RunnerConnection.Step.END_AFTER_COMMIT
                            ? "Recorded the accepted checksums, but could not return the runner's connection to"
                                    + " auto-commit mode: " + e.getMessage()
                            : notAccepted(e),
                    e.getCause());
        } catch (SQLException e) {
            throw new DatabaseAccessException(notAccepted(e), e);
        } finally {
            release(connection.connection());
        }
    }

    private static String notAccepted(Exception e) {
        return "Could not begin or commit the transaction that accepts checksums: " + e.getMessage()
                + ". No checksum was recorded.";
    }

    private void release(Connection connection) {
        try {
            claim.release(connection);
        } catch (SQLException e) {
            LOG.warn("Could not restore the settings of the runner's connection: {}", e.getMessage(), e);
        }
    }

    /**
     * On SQLite, takes the write lock first, waiting for a runner's migration as its claims do; on PostgreSQL, bounds
     * the wait for a row that a runner's migration holds by the lock timeout, as a claim's.
     */
    private void beginWrite(Connection transaction) {
        try {
            claim.boundWaits(transaction);
            tracking.beginWrite(transaction);
        } catch (SQLException e) {
            if (claim.isTimeout(e)) {
                throw new UnableToAcquireLockException(null, waited("checksums", e.getMessage()), e);
            }
            throw new DatabaseAccessException(
                    "Could not begin to write the tracking table " + tracking.name() + " to accept checksums: "
                            + e.getMessage() + ". No checksum was recorded.",
                    e);
        }
    }

    /** Replaces the checksum of a succeeded migration's row; returns {@code false} if the row is no success. */
    private boolean updateChecksum(Connection transaction, String id, String checksum) {
        try {
            return tracking.updateChecksum(transaction, id, checksum);
        } catch (TrackingTableException e) {
            if (claim.isTimeout(e)) {
                throw new RowHeld(id, e);
            }
            throw e;
        }
    }

    /** The message of a wait for a lock that ran out: what was to be accepted, and why the wait was not enough. */
    private String waited(String accepting, String reason) {
        return "Waited " + claim.describeTimeout() + " (MigrationRunner.Builder#lockTimeout) to accept " + accepting
                + ": " + reason + ". No checksum was recorded.";
    }

    /** The session that holds a migration's row, as {@link MigrationClaim#holder} tells. */
    private String holder(Connection connection, String id) {
        try {
            return claim.holder(connection, id);
        } catch (SQLException e) {
            return "could not tell which session holds it (" + e.getMessage() + ")";
        }
    }

    /** The wait for a migration's row ran out; thrown out of the transaction, which rolls back. */
    private static final class RowHeld extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String id;

        RowHeld(String id, Throwable cause) {
            super(cause);
            this.id = id;
        }
    }

    private static List<MigrationStatus> select(List<MigrationStatus> statuses, List<String> ids) {
        if (ids.isEmpty()) {
            return statuses.stream()
                    .filter(status -> status.state() == MigrationState.CHANGED)
                    .toList();
        }
        Map<String, MigrationStatus> byId =
                statuses.stream().collect(Collectors.toMap(MigrationStatus::id, Function.identity()));
        Map<String, String> refused = new TreeMap<>(MigrationIds.ORDER);
        List<MigrationStatus> accepted = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>(ids);
        for (String id : unique) {
            MigrationStatus status = byId.get(id);
            if (status == null) {
                refused.put(id, "no migration in code, SQL files or the tracking table has this ID");
            } else if (status.state() == MigrationState.UNKNOWN) {
                refused.put(id, "recorded in the tracking table, but no longer in code or SQL files");
            } else if (status.state() == MigrationState.PENDING) {
                refused.put(id, "it has not run, so there is no recorded checksum to replace");
            } else if (status.state() == MigrationState.FAILED) {
                refused.put(id, "it failed; it runs again on the next start and then records its checksum");
            } else if (status.checksum().isPresent() && !status.checksum().equals(status.recordedChecksum())) {
                accepted.add(status);
            }
        }
        if (!refused.isEmpty()) {
            throw new ChecksumAcceptanceException(
                    List.copyOf(refused.keySet()),
                    "Cannot accept the checksums of "
                            + refused.entrySet().stream()
                                    .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                                    .collect(Collectors.joining(", "))
                            + ". Only migrations that succeeded have a checksum to accept; MigrationRunner#status()"
                            + " shows where each stands. No checksum was recorded.");
        }
        accepted.sort(Comparator.comparing(MigrationStatus::id, MigrationIds.ORDER));
        return accepted;
    }
}
