package dev.godwit.cli.testapp;

import dev.godwit.Migration;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The migrations the command-line tests run, next to the SQL files in {@code src/test/resources/db/migration}. The
 * processor generates their registry, so the CLI finds them as it finds an application's.
 */
final class LibraryMigrations {

    private LibraryMigrations() {}

    /** Creates the books table. */
    @Migration("v1_create_books")
    static void createBooks(Handle handle) {
        handle.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL)");
    }

    /** Fails while a table named {@code fail_switch} exists, so that tests can make a run fail and then succeed. */
    @Migration("v3_fail_on_switch")
    static void failOnSwitch(Handle handle) throws SQLException {
        if (tableExists(handle, "fail_switch")) {
            throw new IllegalStateException("fail_switch is set");
        }
        handle.execute("INSERT INTO books (id, title) VALUES (1, 'Godwits of the Wadden Sea')");
    }

    /** Sleeps while a table named {@code slow_switch} exists, for the progress line on a terminal. */
    @Migration("v4_slow_on_switch")
    static void slowOnSwitch(Handle handle) throws SQLException, InterruptedException {
        if (tableExists(handle, "slow_switch")) {
            Thread.sleep(1500);
        }
    }

    /** Asks the driver's metadata, which, unlike a failing query, does not abort a PostgreSQL transaction. */
    private static boolean tableExists(Handle handle, String table) throws SQLException {
        DatabaseMetaData metaData = handle.getConnection().getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
