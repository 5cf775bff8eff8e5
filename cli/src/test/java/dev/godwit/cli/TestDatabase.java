package dev.godwit.cli;

import dev.godwit.runtime.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fresh database for one test, and how the command connects to it: a JDBC URL, and for PostgreSQL the user and
 * password of the application's role.
 *
 * @param kind the database
 * @param url the JDBC URL
 * @param user the user, or {@code null} for SQLite
 * @param password the password, or {@code null} for SQLite
 * @param platformUrl the {@code postgresql://user:password@host/db} URL, or {@code null} for SQLite
 * @param postgres the server, or {@code null} for SQLite
 * @param name the PostgreSQL database's name, or the SQLite file's path
 */
record TestDatabase(
        DatabaseKind kind,
        String url,
        String user,
        String password,
        String platformUrl,
        PostgresServer postgres,
        String name) {

    static TestDatabase sqlite(Path file) {
        return new TestDatabase(DatabaseKind.SQLITE, "jdbc:sqlite:" + file, null, null, null, null, file.toString());
    }

    static TestDatabase postgres(PostgresServer server) {
        String name = server.createDatabase();
        return new TestDatabase(
                DatabaseKind.POSTGRESQL,
                server.jdbcUrl(name),
                PostgresServer.USER,
                PostgresServer.PASSWORD,
                server.platformUrl(name),
                server,
                name);
    }

    /** For SQLite, makes sure the file exists: status and plan do not create one. */
    TestDatabase created() throws SQLException {
        if (kind == DatabaseKind.SQLITE && !Files.exists(Path.of(name))) {
            connect().close();
        }
        return this;
    }

    Connection connect() throws SQLException {
        return kind == DatabaseKind.SQLITE ? DriverManager.getConnection(url) : postgres.connect(name);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The names of the tables, in lower case. */
    Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = connect();
                ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
