package dev.godwit.runtime.internal;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.internal.database.TrackingRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each migration stands: the plan's migrations set against the tracking table's rows. */
final class Statuses {

    private Statuses() {}

    /**
     * Returns the status of every migration of the plan and of every row without one, in natural ID order.
     *
     * @param migrations the plan's migrations
     * @param rows the tracking table's rows by ID; empty if the table does not exist
     * @return the statuses
     */
    static List<MigrationStatus> of(List<PlannedMigration> migrations, Map<String, TrackingRow> rows) {
        List<MigrationStatus> statuses = new ArrayList<>(migrations.size() + rows.size());
        Map<String, TrackingRow> unknown = new HashMap<>(rows);
        for (PlannedMigration migration : migrations) {
            TrackingRow row = unknown.remove(migration.id());
            statuses.add(
                    row == null
                            ? MigrationStatus.pending(migration.definition())
                            : MigrationStatus.recorded(
                                    migration.definition(),
                                    row.status() == TrackingRow.Status.SUCCESS,
                                    row.executedAt(),
                                    row.executionTime(),
                                    row.error(),
                                    row.checksum()));
        }
        unknown.values()
                .forEach(row -> statuses.add(MigrationStatus.unknown(
                        row.id(), row.executedAt(), row.executionTime(), row.error(), row.checksum())));
        statuses.sort(Comparator.comparing(MigrationStatus::id, MigrationIds.ORDER));
        return statuses;
    }
}
