package dev.godwit.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what a child did on its PostgreSQL database, as the server saw it: statements from the server log, with
 * {@code log_statement = 'all'} set on that database only; commits from {@code pg_stat_database.xact_commit} (every
 * committed transaction, each auto-commit statement included).
 *
 * <p>Not {@code pg_stat_statements}, although the embedded binaries ship it: on PostgreSQL 14 it misses utility
 * statements that run through a named prepared statement, and the JDBC driver prepares a statement it has run five
 * times ({@code prepareThreshold}), so it counts the first five {@code SET TRANSACTION}s of a run and a single
 * {@code COMMIT}. The log has every {@code execute} and {@code statement} line. Logging costs time, so the counted
 * runs are extra runs, never timed.
 *
 * <p>The server's statistics are reported by each backend and collected asynchronously, at most 500 ms late on
 * PostgreSQL 14, and the log goes through the logging collector; so reading them waits {@value #SETTLE_MILLIS} ms
 * after the child has exited.
 */
final class StatementCounter {

    private static final long SETTLE_MILLIS = 700;

    private final Connection admin;
    private final Path log;

    StatementCounter(Connection admin, Path log) {
        this.admin = admin;
        this.log = log;
    }

    /**
     * Statements and commits of one child run.
     *
     * @param statements every statement the server executed for the run
     * @param commits the transactions it committed
     * @param byText the statements by their first words, for the report
     */
    record Count(long statements, long commits, Map<String, Long> byText) {}

    /** The counters before a child runs. */
    record Start(String database, long commits, long logOffset) {}

    /** Makes the server log every statement on the database of {@code url}, for the sessions that start next. */
    void logStatements(String url) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + databaseName(url) + " SET log_statement = 'all'");
        }
    }

    /**
     * Reads the counters before the child starts. A child that ran on the database before was followed by
     * {@link #stop}, which waited for its statistics.
     */
    Start start(String url) throws SQLException, IOException {
        String database = databaseName(url);
        return new Start(database, commits(database), Files.exists(log) ? Files.size(log) : 0);
    }

    /** What the child did since {@link #start}, once it has exited. */
    Count stop(Start start) throws SQLException, IOException, InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        String prefix = "db=" + start.database() + ":";
        long statements = 0;
        Map<String, Long> byText = new TreeMap<>();
        for (String record : records(readFrom(start.logOffset()))) {
            if (!record.startsWith(prefix)) {
                continue;
            }
            String text = statementText(record.substring(prefix.length()));
            if (text != null) {
                statements++;
                byText.merge(text, 1L, Long::sum);
            }
        }
        return new Count(statements, commits(start.database()) - start.commits(), byText);
    }

    /** The log's records: a line with the prefix, and the lines of a multi-line statement that follow it. */
    private static List<String> records(String log) {
        List<String> records = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("db=") || records.isEmpty()) {
                records.add(line);
            } else {
                records.set(records.size() - 1, records.get(records.size() - 1) + " " + line);
            }
        }
        return records;
    }

    /**
     * The statement of a log record, shortened and with its literals replaced by {@code ?}, or {@code null} if the
     * record logs no statement. Records read {@code LOG:  statement: SQL} (simple protocol) or
     * {@code LOG:  execute NAME: SQL} (extended protocol).
     */
    static String statementText(String message) {
        String sql;
        if (message.startsWith("LOG:  statement: ")) {
            sql = message.substring("LOG:  statement: ".length());
        } else if (message.startsWith("LOG:  execute ") && message.indexOf(": ", 14) > 0) {
            sql = message.substring(message.indexOf(": ", 14) + 2);
        } else {
            return null;
        }
        String text = sql.replaceAll("/\\*.*?\\*/", " ")
                .replaceAll("'[^']*'", "?")
                .replaceAll("\\$?\\b\\d+\\b", "?")
                .replaceAll("\\s+", " ")
                .trim();
        if (text.length() > 48) {
            int cut = text.lastIndexOf(' ', 48);
            text = text.substring(0, cut > 20 ? cut : 48) + " ...";
        }
        return text;
    }

    private String readFrom(long offset) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(offset);
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private long commits(String database) throws SQLException {
        try (Statement clear = admin.createStatement()) {
            clear.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement query =
                admin.prepareStatement("SELECT coalesce(xact_commit, 0) FROM pg_stat_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    /** The database name of a zonky JDBC URL, {@code jdbc:postgresql://localhost:PORT/NAME?user=postgres}. */
    static String databaseName(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
