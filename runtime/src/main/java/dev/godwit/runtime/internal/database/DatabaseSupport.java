package dev.godwit.runtime.internal.database;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.UnsupportedDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The database-specific parts for one database: which kind it is, the tracking table's SQL, and the claims that keep
 * runners apart.
 *
 * @param kind the database
 * @param dialect the tracking table's SQL on it
 */
public record DatabaseSupport(DatabaseKind kind, TrackingDialect dialect) {

    /**
     * Recognizes the database behind a connection from the JDBC driver's metadata, without a query, and returns its
     * parts.
     *
     * @param connection the connection
     * @return the database's parts
     * @throws UnsupportedDatabaseException if the database is not one of {@link DatabaseKind}
     * @throws DatabaseAccessException if the driver cannot tell
     */
    public static DatabaseSupport of(Connection connection) {
        DatabaseKind kind = kindOf(productName(connection));
        return switch (kind) {
            case POSTGRESQL -> new DatabaseSupport(kind, new PostgresTrackingDialect());
            case SQLITE -> new DatabaseSupport(kind, new SqliteTrackingDialect());
        };
    }

    /**
     * Returns the claims of one run on this database.
     *
     * @param tracking the tracking table
     * @param timeout the longest wait for another runner's claim
     * @return the claims
     */
    public MigrationClaim claim(TrackingTable tracking, Duration timeout) {
        return switch (kind) {
            case POSTGRESQL -> new PostgresMigrationClaim(tracking, dialect, timeout);
            case SQLITE -> new SqliteMigrationClaim(tracking, dialect, timeout);
        };
    }

    /**
     * Returns the kind of database a JDBC driver's product name stands for.
     *
     * @param productName what {@link java.sql.DatabaseMetaData#getDatabaseProductName()} returned
     * @return the database kind
     * @throws UnsupportedDatabaseException if it is none of {@link DatabaseKind}
     */
    public static DatabaseKind kindOf(String productName) {
        if ("PostgreSQL".equalsIgnoreCase(productName)) {
            return DatabaseKind.POSTGRESQL;
        }
        if ("SQLite".equalsIgnoreCase(productName)) {
            return DatabaseKind.SQLITE;
        }
        throw new UnsupportedDatabaseException(
                productName,
                "Unsupported database '" + productName + "' (as its JDBC driver names it): Godwit runs migrations on "
                        + Arrays.stream(DatabaseKind.values())
                                .map(DatabaseSupport::displayName)
                                .collect(Collectors.joining(" and "))
                        + ". Give MigrationRunner a Jdbi or DataSource that connects to one of them.");
    }

    private static String productName(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new DatabaseAccessException(
                    "Could not read the database product name from the JDBC driver's metadata: " + e.getMessage(), e);
        }
    }

    private static String displayName(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> "PostgreSQL";
            case SQLITE -> "SQLite";
        };
    }
}
