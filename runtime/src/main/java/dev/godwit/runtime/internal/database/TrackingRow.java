package dev.godwit.runtime.internal.database;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the tracking table: the last outcome of one migration.
 *
 * @param id the migration ID (the primary key)
 * @param status whether the last attempt succeeded
 * @param executedAt when the last attempt started, to the millisecond
 * @param executionTime how long its body took, to the millisecond
 * @param error the failure's text for {@link Status#FAILED}; {@code null} on success
 * @param checksum the migration's checksum when it ran, or {@code null} where it had none
 */
public record TrackingRow(
        String id, Status status, Instant executedAt, Duration executionTime, String error, String checksum) {

    /** The values of the {@code status} column. */
    public enum Status {
        /** The migration's body and this row were committed together. */
        SUCCESS("success"),
        /** The migration threw; its changes were rolled back and it runs again on the next start. */
        FAILED("failed");

        private final String sql;

        Status(String sql) {
            this.sql = sql;
        }

        /**
         * Returns the value stored in the {@code status} column.
         *
         * @return {@code success} or {@code failed}
         */
        public String sql() {
            return sql;
        }

        /** Read for every row of every start: without {@code values()}, which copies its array each time. */
        static Status fromSql(String value) {
            if (SUCCESS.sql.equals(value)) {
                return SUCCESS;
            }
            return FAILED.sql.equals(value) ? FAILED : null;
        }
    }

    /**
     * Describes the row a transaction writes when it claims a migration to run it: a success, which no one sees
     * unless the transaction commits with the body's work (no other transaction sees a row before its commit). The
     * duration is not known yet: it is zero until {@link TrackingTable#recordDurations} writes it.
     *
     * @param id the migration ID
     * @param executedAt when the attempt starts
     * @param checksum the migration's checksum, or {@code null}
     * @return the row
     */
    public static TrackingRow claimed(String id, Instant executedAt, String checksum) {
        return success(id, executedAt, Duration.ZERO, checksum);
    }

    /**
     * Describes a successful attempt.
     *
     * @param id the migration ID
     * @param executedAt when it started
     * @param executionTime how long it took
     * @param checksum the migration's checksum, or {@code null}
     * @return the row
     */
    public static TrackingRow success(String id, Instant executedAt, Duration executionTime, String checksum) {
        return new TrackingRow(id, Status.SUCCESS, executedAt, executionTime, null, checksum);
    }

    /**
     * Describes a failed attempt.
     *
     * @param id the migration ID
     * @param executedAt when it started
     * @param executionTime how long it took until it failed
     * @param error the failure's text
     * @param checksum the checksum of the migration that failed, or {@code null}
     * @return the row
     */
    public static TrackingRow failed(
            String id, Instant executedAt, Duration executionTime, String error, String checksum) {
        return new TrackingRow(id, Status.FAILED, executedAt, executionTime, error, checksum);
    }
}
