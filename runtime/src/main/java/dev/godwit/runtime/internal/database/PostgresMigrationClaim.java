package dev.godwit.runtime.internal.database;

import dev.godwit.runtime.MigrationRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim on PostgreSQL: {@code INSERT ... ON CONFLICT (id) DO UPDATE ... WHERE <claim condition> RETURNING}.
 *
 * <p>At {@code READ COMMITTED}, an insertion that meets the uncommitted row of another transaction, or an update of a
 * row another transaction has locked, waits until that transaction ends and then works on the row's newest committed
 * version, even one newer than its snapshot: a {@code success} row is not claimed, a rolled-back row is no conflict.
 * At {@code REPEATABLE READ} or {@code SERIALIZABLE} the same wait would end in a serialization failure, so a
 * database whose default is one of them gets {@code SET TRANSACTION ISOLATION LEVEL READ COMMITTED} before each
 * claim; the default is read once per run, when something is pending. ({@code SET TRANSACTION} is
 * transaction-scoped, unlike JDBC's {@code setTransactionIsolation}, which would leak through a pooler.)
 *
 * <p>The wait is bounded by {@code lock_timeout}, set for the transaction within the claim itself: its sub-select
 * runs {@code set_config(..., true)} before the insertion meets the conflicting row, so the bound costs no statement.
 * {@code RETURNING}, evaluated only once the row is claimed, puts back the session's value, so that the migration's
 * body waits for its own locks as the session is configured ({@code ALTER ROLE ... SET lock_timeout}).
 */
public final class PostgresMigrationClaim implements MigrationClaim {

    /** {@code lock_not_available}: {@code lock_timeout} expired. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** {@code in_failed_sql_transaction}: a statement in a transaction that an earlier failure aborted. */
    private static final String IN_FAILED_TRANSACTION = "25P02";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    /**
     * Whether PostgreSQL's JDBC driver is visible to this class, to ask it about a transaction's state. Only ever
     * turns false; a race between two runners costs one more failed attempt.
     */
    private static volatile boolean driverVisible = true;

    private static final String READ_COMMITTED = "read committed";

    private final TrackingTable tracking;
    private final Duration timeout;
    private final NamedSql claim;
    private final NamedSql holders;
    private boolean readCommitted = true;
    private String sessionLockTimeout = "0";

    /**
     * Creates the claims of a run.
     *
     * @param tracking the tracking table
     * @param dialect its SQL
     * @param timeout the longest wait for another transaction's claim
     */
    public PostgresMigrationClaim(TrackingTable tracking, TrackingDialect dialect, Duration timeout) {
        this.tracking = tracking;
        this.timeout = timeout;
        this.claim = NamedSql.of("INSERT INTO " + tracking.name().sql() + " AS " + TrackingDialect.CLAIM_ALIAS + " ("
                + TrackingDialect.COLUMNS + ")"
                + " SELECT :id, :status, " + dialect.executedAt(":executedAt") + ", :executionTimeMs, :error, :checksum"
                + " FROM (SELECT set_config('lock_timeout', :lockTimeout, true) AS lock_timeout) AS godwit_wait"
                + " WHERE godwit_wait.lock_timeout IS NOT NULL"
                + dialect.onConflictClaim()
                + " RETURNING set_config('lock_timeout', :sessionLockTimeout, true)");
        // A claim holds a RowExclusiveLock on the tracking table until its transaction ends. So do the claims that
        // wait, in the claim statement (recognized by its sub-select's alias): they are not the holder. A
        // non-transactional migration is held by the table lock of reserve().
        this.holders = NamedSql.of("SELECT 'pid ' || a.pid || ' (application_name '"
                + " || quote_literal(coalesce(a.application_name, '')) || ', ' || coalesce(a.state, 'unknown state')"
                + " || ', in a transaction open for '"
                + " || coalesce(round(extract(epoch FROM clock_timestamp() - a.xact_start)::numeric, 1)"
                + " || ' s', 'an unknown time') || ')'"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.granted AND l.pid <> pg_backend_pid()"
                + " AND ((l.locktype = 'relation' AND l.relation = to_regclass(:table)"
                + " AND l.mode = 'RowExclusiveLock'"
                + " AND NOT (coalesce(a.wait_event_type, '') = 'Lock' AND a.query LIKE '%godwit_wait%'))"
                + " OR (l.locktype = 'relation' AND l.relation = to_regclass(:table)"
                + " AND l.mode = 'ShareUpdateExclusiveLock' AND coalesce(a.wait_event_type, '') <> 'Lock'))"
                + " ORDER BY a.xact_start");
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        // Outside a transaction, transaction_isolation is what the next transaction gets.
        try (Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        "SELECT current_setting('transaction_isolation')," + " current_setting('lock_timeout')")) {
            settings.next();
            readCommitted = READ_COMMITTED.equals(settings.getString(1));
            sessionLockTimeout = settings.getString(2);
        }
    }

    @Override
    public void release(Connection connection) {
        // Everything set was transaction-scoped.
    }

    @Override
    public boolean claim(Connection transaction, TrackingRow row, Duration wait, boolean rerunSucceeded)
            throws SQLException {
        beReadCommitted(transaction);
        Map<String, Object> values = tracking.values(row);
        values.put("rerunSucceeded", rerunSucceeded);
        values.put("lockTimeout", lockTimeout(wait));
        values.put("sessionLockTimeout", sessionLockTimeout);
        return !claim.query(transaction, values, resultSet -> resultSet.getString(1))
                .isEmpty();
    }

    /** {@code lock_timeout} for the transaction alone, as the claim sets it: nothing outlives the transaction. */
    @Override
    public void boundWaits(Connection transaction) throws SQLException {
        // First: SET TRANSACTION must come before the transaction's first query.
        beReadCommitted(transaction);
        try (PreparedStatement statement = transaction.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            statement.setString(1, lockTimeout(timeout));
            statement.executeQuery().close();
        }
    }

    @Override
    public boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String holder(Connection connection, String id) throws SQLException {
        List<String> holders = this.holders.query(
                connection, Map.of("table", tracking.name().sql()), resultSet -> resultSet.getString(1));
        if (holders.isEmpty()) {
            return "the transaction that held it has ended since";
        }
        return "it is held by the session with " + holders.stream().collect(Collectors.joining(", or "));
    }

    @Override
    public boolean holdsBesideTheBody() {
        return true;
    }

    @Override
    public boolean reserve(Connection transaction) throws SQLException {
        // LOCK TABLE, unlike any SELECT, leaves an idle transaction without a snapshot (backend_xmin stays null once
        // it is done; while it waits it holds one, hence NOWAIT). SHARE UPDATE EXCLUSIVE conflicts with itself, not
        // with the ROW EXCLUSIVE of claims and records nor with reads: it keeps non-transactional migrations apart and
        // nothing else.
        try {
            try (Statement statement = transaction.createStatement()) {
                statement.execute("LOCK TABLE " + tracking.name().sql() + " IN SHARE UPDATE EXCLUSIVE MODE NOWAIT");
            }
            return true;
        } catch (SQLException e) {
            if (isTimeout(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Makes the transaction {@code READ COMMITTED} where the database's default is stricter, so that a wait for a row
     * ends on its newest committed version rather than in a serialization failure. Its first statement.
     */
    private void beReadCommitted(Connection transaction) throws SQLException {
        if (!readCommitted) {
            try (Statement statement = transaction.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
        }
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /**
     * Asks PostgreSQL's driver, which tracks the transaction's state from the server's replies, so that the question
     * costs no statement. A connection that does not unwrap to the driver's (another driver, a wrapper that hides it,
     * the driver in a class loader that this class does not see) is asked with a statement instead, which fails in an
     * aborted transaction.
     */
    @Override
    public boolean isAborted(Connection transaction) throws SQLException {
        if (driverVisible) {
            try {
                Optional<Boolean> aborted = DriverState.isAborted(transaction);
                if (aborted.isPresent()) {
                    return aborted.get();
                }
            } catch (LinkageError notVisible) {
                // The driver is an optional dependency of the runtime.
                driverVisible = false;
                LOG.debug(
                        "PostgreSQL's JDBC driver is not visible to Godwit's runtime ({}): a statement asks whether"
                                + " each migration's transaction is aborted",
                        notVisible.toString());
            } catch (SQLException doesNotUnwrap) {
                // A wrapper that says it wraps the driver's connection, but does not unwrap to it.
            }
        }
        try (Statement statement = transaction.createStatement()) {
            statement.execute("SELECT 1");
            return false;
        } catch (SQLException e) {
            if (IN_FAILED_TRANSACTION.equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }

    /**
     * The only class that names the driver's: the JVM resolves them when its method first runs, and where the driver
     * is not visible that is a {@link LinkageError} for the caller to catch.
     */
    private static final class DriverState {
        /** Whether the driver holds the transaction aborted; empty if the connection is not the driver's. */
        static Optional<Boolean> isAborted(Connection transaction) throws SQLException {
            if (!transaction.isWrapperFor(BaseConnection.class)) {
                return Optional.empty();
            }
            return Optional.of(
                    transaction.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED);
        }
    }

    /** The value of {@code lock_timeout}, an {@code int} of milliseconds, for a wait of {@code timeout}. */
    static String lockTimeout(Duration timeout) {
        return MigrationClaim.waitMillis(timeout) + "ms";
    }
}
