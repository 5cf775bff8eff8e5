package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each pending migration costs on PostgreSQL, counted as the JDBC driver sends it (the target of issue 7: at most
 * 5 statements and 1 commit per migration, counting BEGIN and COMMIT).
 *
 * <p>pgjdbc logs every protocol message it sends at FINEST through {@code java.util.logging}. Each statement is an
 * {@code Execute} message, or a {@code SimpleQuery}: that is how pgjdbc sends its implicit {@code BEGIN}, in the same
 * batch as the transaction's first statement (so not a round trip of its own). Each round trip of the extended protocol
 * ends with one {@code Sync}. A migration that succeeds: BEGIN, the claim (which writes the row as a success), the
 * body's {@code INSERT} and {@code COMMIT}, in three round trips. The durations of all of them are written at the end,
 * in one {@code UPDATE} in a transaction of its own.
 */
class StatementCountTest {

    private static final int MIGRATIONS = 4;

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @Test
    void eachAppliedMigrationCostsFourStatementsAndOneCommitOnPostgresql() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        // The tracking table exists and one migration ran: what follows is a start with MIGRATIONS pending.
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v0"))
                .build()
                .runAll();
        TestRegistry registry = new TestRegistry().event("v0");
        for (int i = 1; i <= MIGRATIONS; i++) {
            registry.event("v" + i);
        }
        StatementRecorder recorder = new StatementRecorder(database);
        Jdbi jdbi = recorder.jdbi();

        List<String> messages = sentBy(
                () -> MigrationRunner.builder(jdbi).registries(registry).build().runAll());

        // Per run: the one query of every row (no creation check: the table is read straight away), once something
        // is pending the database's default isolation and lock timeout, and at the end BEGIN, the durations' UPDATE
        // and COMMIT.
        long perRun = 2 + 3;
        assertThat(statements(messages)).as(String.join("%n", messages)).isEqualTo(perRun + 4L * MIGRATIONS);
        assertThat(count(messages, " FE=> Sync")).isEqualTo(2 + 2 + 3L * MIGRATIONS);
        assertThat(recorder.transactions).hasValue(MIGRATIONS + 1);
        assertThat(recorder.statements).noneMatch(sql -> sql.contains("SET TRANSACTION"));
        assertThat(database.events()).containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    @Test
    void aFailedMigrationCostsTwoTransactionsAndOneCommitOnPostgresql() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v0"))
                .build()
                .runAll();
        StatementRecorder recorder = new StatementRecorder(database);
        Jdbi jdbi = recorder.jdbi();

        List<String> messages = sentBy(() -> MigrationRunner.builder(jdbi)
                .registries(new TestRegistry().event("v0").failing("v1", "boom"))
                .build()
                .runAll());

        // BEGIN, claim, body, ROLLBACK; BEGIN, claim with the failure, COMMIT.
        assertThat(statements(messages)).isEqualTo(2 + 7);
        assertThat(recorder.transactions).hasValue(2);
        assertThat(database.statuses()).containsEntry("v1", "failed");
    }

    /** The protocol messages pgjdbc sends on this thread while {@code action} runs. */
    private static List<String> sentBy(Runnable action) {
        Logger logger = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        List<String> messages = new CopyOnWriteArrayList<>();
        Thread thread = Thread.currentThread();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (Thread.currentThread() == thread && record.getMessage().startsWith(" FE=>")) {
                    Object[] parameters = record.getParameters();
                    messages.add(
                            parameters == null
                                    ? record.getMessage()
                                    : java.text.MessageFormat.format(record.getMessage(), parameters));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.FINEST);
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINEST);
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        return messages;
    }

    /** The statements sent, not counting the {@code SET application_name} of opening the connection. */
    private static long statements(List<String> messages) {
        return count(messages, " FE=> Execute")
                + count(messages, " FE=> SimpleQuery")
                - count(messages, " FE=> SimpleQuery(query=\"SET application_name");
    }

    private static long count(List<String> messages, String prefix) {
        return messages.stream().filter(message -> message.startsWith(prefix)).count();
    }
}
