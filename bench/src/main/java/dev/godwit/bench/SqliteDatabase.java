package dev.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** A new SQLite file in the work directory for each measurement, with sqlite-jdbc's defaults. */
final class SqliteDatabase implements Database {

    private static final String PREFIX = "jdbc:sqlite:";

    private final Path directory;
    private final String description;
    private int count;

    SqliteDatabase(Path workDirectory) throws IOException, SQLException {
        this.directory = Files.createDirectories(workDirectory.resolve("sqlite"));
        String probe = create();
        try (Connection connection = DriverManager.getConnection(probe);
                Statement statement = connection.createStatement()) {
            description = "SQLite " + query(statement, "SELECT sqlite_version()") + " (sqlite-jdbc "
                    + connection.getMetaData().getDriverVersion() + "), a new file for each measurement, the"
                    + " driver's defaults: journal_mode=" + query(statement, "PRAGMA journal_mode") + ", synchronous="
                    + query(statement, "PRAGMA synchronous") + " (2 is FULL)";
        }
        drop(probe);
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public DatabaseSetup setup() {
        return DatabaseSetup.SQLITE;
    }

    @Override
    public String create() {
        return PREFIX + directory.resolve("bench-" + (++count) + ".db");
    }

    @Override
    public void drop(String url) throws IOException {
        String file = url.substring(PREFIX.length());
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<StatementCounter> statementCounter() {
        return Optional.empty();
    }

    @Override
    public void close() {}
}
