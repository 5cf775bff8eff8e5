package dev.godwit.runtime.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.internal.database.TrackingRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each migration stands: the plan's migrations set against the tracking table's rows. */
final class Statuses {

    /** The states of the migrations a run would run, unless a prerequisite holds them back. */
    static final Set<MigrationState> TO_RUN =
            EnumSet.of(MigrationState.PENDING, MigrationState.FAILED, MigrationState.ACTIVE);

    private Statuses() {}

    /**
     * Returns the status of every migration of the plan and of every row without one, in natural ID order, with
     * interval migrations active or expired at {@code now}, and those that a run would run but for a prerequisite
     * without a {@code success} row {@link MigrationState#BLOCKED}.
     *
     * @param migrations the plan's migrations
     * @param rows the tracking table's rows by ID; empty if the table does not exist
     * @param now the time of the run
     * @return the statuses
     */
    static List<MigrationStatus> of(List<PlannedMigration> migrations, Map<String, TrackingRow> rows, Instant now) {
        return statuses(migrations, rows, now, true);
    }

    private static List<MigrationStatus> statuses(
            List<PlannedMigration> migrations, Map<String, TrackingRow> rows, Instant now, boolean blocking) {
        List<MigrationStatus> statuses = new ArrayList<>(migrations.size() + rows.size());
        Map<String, TrackingRow> unknown = new HashMap<>(rows);
        for (PlannedMigration migration : migrations) {
            TrackingRow row = unknown.remove(migration.id());
            MigrationStatus status =
                    row == null ? MigrationStatus.pending(migration.definition(), now) : recorded(migration, row, now);
            List<String> unmet =
                    blocking ? Prerequisites.unmet(migration.definition(), id -> succeeded(rows.get(id))) : List.of();
            statuses.add(TO_RUN.contains(status.state()) && !unmet.isEmpty() ? status.blockedBy(unmet) : status);
        }
        unknown.values()
                .forEach(row -> statuses.add(MigrationStatus.unknown(
                        row.id(), row.executedAt(), row.executionTime(), row.error(), row.checksum())));
        statuses.sort(Comparator.comparing(MigrationStatus::id, MigrationIds.ORDER));
        return statuses;
    }

    /**
     * Returns the status of the migration if it has {@linkplain MigrationState#CHANGED changed} since it succeeded:
     * what {@link #of} would say of it, without building a status for a migration that has not changed (a start with
     * nothing pending asks this of every migration).
     *
     * @param migration a migration of the plan
     * @param row its row in the tracking table, or {@code null}
     * @param now the time of the run
     * @return the status, or {@code null} if the migration has not changed
     */
    static MigrationStatus changed(PlannedMigration migration, TrackingRow row, Instant now) {
        // Only a success whose recorded checksum differs can have changed; MigrationStatus decides whether it has.
        if (!succeeded(row)
                || row.checksum() == null
                || row.checksum().equals(migration.definition().checksum().orElse(null))) {
            return null;
        }
        MigrationStatus status = recorded(migration, row, now);
        return status.state() == MigrationState.CHANGED ? status : null;
    }

    /**
     * Returns the statuses as the rows record them, for accepting checksums: thresholds and prerequisites play no
     * part in whether a migration has a recorded checksum to replace, so no migration is expired or blocked.
     */
    static List<MigrationStatus> recorded(List<PlannedMigration> migrations, Map<String, TrackingRow> rows) {
        return statuses(migrations, rows, Instant.MIN, false);
    }

    /** The status of a migration that has a row: the one place that turns a row into a status. */
    private static MigrationStatus recorded(PlannedMigration migration, TrackingRow row, Instant now) {
        return MigrationStatus.recorded(
                migration.definition(),
                row.status() == TrackingRow.Status.SUCCESS,
                row.executedAt(),
                row.executionTime(),
                row.error(),
                row.checksum(),
                now);
    }

    static boolean succeeded(TrackingRow row) {
        return row != null && row.status() == TrackingRow.Status.SUCCESS;
    }
}
