package dev.godwit.bench.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBI loop on a real SQLite file: it applies each migration once, with the benchmark's {@code Handle} bodies, and
 * its handle leaves the loop's transactions and connection alone, so that a failing body leaves nothing behind.
 */
class JdbiLoopTest {

    private String url;
    private final AtomicInteger bodies = new AtomicInteger();

    @BeforeEach
    void database(@TempDir Path temp) {
        url = "jdbc:sqlite:" + temp.resolve("loop.db");
    }

    @Test
    void appliesEachMigrationOnceInItsOwnTransactionWithItsHistoryRow() throws Exception {
        JdbiLoop.migrate(url, migrations(3));

        assertThat(bodies).hasValue(4);
        assertThat(column("SELECT v FROM bench_data ORDER BY v")).containsExactly("1", "2", "3");
        assertThat(column("SELECT id FROM " + JdbcLoop.TABLE + " ORDER BY id")).containsExactly("v0", "v1", "v2", "v3");

        // Nothing pending: no body runs. Then one more: only it runs.
        JdbiLoop.migrate(url, migrations(3));
        assertThat(bodies).hasValue(4);
        JdbiLoop.migrate(url, migrations(4));
        assertThat(bodies).hasValue(5);
        assertThat(column("SELECT v FROM bench_data ORDER BY v")).containsExactly("1", "2", "3", "4");
        assertThat(column("SELECT id FROM " + JdbcLoop.TABLE + " ORDER BY id"))
                .containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    @Test
    void aBodyThatFailsAfterAnInsertOnTheRunsHandleLeavesNoRow() throws Exception {
        // v0 and v1 open the handle and commit; v2 inserts through the same handle, then fails.
        List<JdbiMigration> migrations = migrations(1);
        migrations.add(failing(2));
        migrations.add(insert(3));

        assertThatThrownBy(() -> JdbiLoop.migrate(url, migrations)).hasMessage("v2 fails");

        assertThat(column("SELECT v FROM bench_data")).containsExactly("1");
        assertThat(column("SELECT id FROM " + JdbcLoop.TABLE + " ORDER BY id")).containsExactly("v0", "v1");
    }

    @Test
    void aFirstBodyThatFailsAfterAnInsertLeavesNoRow() throws Exception {
        JdbiLoop.migrate(url, migrations(1));
        // The failing body is the run's first: the handle opens inside its transaction.
        List<JdbiMigration> migrations = migrations(1);
        migrations.add(failing(2));

        assertThatThrownBy(() -> JdbiLoop.migrate(url, migrations)).hasMessage("v2 fails");

        assertThat(column("SELECT v FROM bench_data")).containsExactly("1");
        assertThat(column("SELECT id FROM " + JdbcLoop.TABLE + " ORDER BY id")).containsExactly("v0", "v1");
    }

    @Test
    void closingTheHandleNeitherCommitsNorRollsBackNorClosesTheConnection() throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_data (v INTEGER NOT NULL)");
            }
            connection.setAutoCommit(false);
            Handle handle = JdbiLoop.open(connection);
            handle.execute("INSERT INTO bench_data VALUES (?)", 1);
            handle.close();

            assertThat(connection.isClosed()).isFalse();
            assertThat(connection.getAutoCommit()).isFalse();
            // Not committed: another connection does not see the row.
            assertThat(column("SELECT v FROM bench_data")).isEmpty();
            // Not rolled back: the holder still decides.
            connection.commit();
            assertThat(column("SELECT v FROM bench_data")).containsExactly("1");

            handle = JdbiLoop.open(connection);
            handle.execute("INSERT INTO bench_data VALUES (?)", 2);
            handle.close();
            connection.rollback();
        }
        assertThat(column("SELECT v FROM bench_data")).containsExactly("1");
    }

    /** v0 creates the table, v1 to v{@code n} insert their number: the benchmark's bodies. */
    private List<JdbiMigration> migrations(int n) {
        List<JdbiMigration> migrations = new ArrayList<>();
        migrations.add(new JdbiMigration("v0", handle -> {
            bodies.incrementAndGet();
            handle.execute("CREATE TABLE bench_data (v INTEGER NOT NULL)");
        }));
        for (int i = 1; i <= n; i++) {
            migrations.add(insert(i));
        }
        return migrations;
    }

    private JdbiMigration insert(int i) {
        return new JdbiMigration("v" + i, handle -> {
            bodies.incrementAndGet();
            handle.execute("INSERT INTO bench_data VALUES (?)", i);
        });
    }

    private static JdbiMigration failing(int i) {
        return new JdbiMigration("v" + i, handle -> {
            handle.execute("INSERT INTO bench_data VALUES (?)", i);
            throw new IllegalStateException("v" + i + " fails");
        });
    }

    /** The first column of a query's rows, on a connection of its own. */
    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
