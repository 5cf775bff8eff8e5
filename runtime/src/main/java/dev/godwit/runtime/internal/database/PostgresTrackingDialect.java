package dev.godwit.runtime.internal.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/** The tracking table on PostgreSQL: {@code VARCHAR}, {@code TIMESTAMPTZ}, {@code BIGINT}, {@code TEXT}. */
public final class PostgresTrackingDialect implements TrackingDialect {

    @Override
    public boolean exists(Handle handle, TableName table) {
        // to_regclass resolves the name as the CREATE would: unquoted identifiers folded, the search_path applied.
        return handle.createQuery("SELECT to_regclass(:name) IS NOT NULL")
                .bind("name", table.sql())
                .mapTo(Boolean.class)
                .one();
    }

    @Override
    public String createTable(TableName table) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " ("
                + "id VARCHAR(" + ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "status VARCHAR(16) NOT NULL CHECK (status IN ('success', 'failed')), "
                + "executed_at TIMESTAMPTZ NOT NULL, "
                + "execution_time_ms BIGINT NOT NULL, "
                + "error TEXT, "
                + "checksum VARCHAR(" + CHECKSUM_LENGTH + "))";
    }

    @Override
    public Argument timestamp(Instant instant) {
        // OffsetDateTime is what the PostgreSQL driver maps to timestamptz without involving the JVM's time zone.
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, utc);
    }

    @Override
    public Instant timestamp(ResultSet resultSet, String column) throws SQLException {
        return resultSet.getObject(column, OffsetDateTime.class).toInstant();
    }
}
