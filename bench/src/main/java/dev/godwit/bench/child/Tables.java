package dev.godwit.bench.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Untimed housekeeping on the benchmark's databases, in plain JDBC. */
final class Tables {

    /** The table that every contender's first migration creates and the others insert into. */
    static final String DATA = "bench_data";

    private Tables() {}

    /** Drops the tables if they exist. */
    static void drop(String url, String... tables) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
