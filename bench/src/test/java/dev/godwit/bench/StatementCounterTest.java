package dev.godwit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementCounterTest {

    @Test
    void extendedProtocolExecuteIsAStatementWithItsLiteralsMasked() {
        assertThat(StatementCounter.statementText("LOG:  execute S_3: SELECT pg_try_advisory_xact_lock(77433833)"))
                .isEqualTo("SELECT pg_try_advisory_xact_lock(?)");
    }

    @Test
    void simpleProtocolStatementIsAStatement() {
        assertThat(StatementCounter.statementText("LOG:  statement: BEGIN")).isEqualTo("BEGIN");
    }

    @Test
    void longStatementIsCutAtAWord() {
        assertThat(StatementCounter.statementText("LOG:  execute <unnamed>: INSERT INTO godwit_migrations (id,"
                        + " status, executed_at, execution_time_ms, error) VALUES ($1, $2, $3, $4, $5)"))
                .isEqualTo("INSERT INTO godwit_migrations (id, status, ...");
    }

    @Test
    void parametersAndOtherMessagesAreNoStatements() {
        assertThat(StatementCounter.statementText("DETAIL:  parameters: $1 = 'v1'"))
                .isNull();
        assertThat(StatementCounter.statementText("LOG:  database system is ready to accept connections"))
                .isNull();
    }

    @Test
    void databaseNameComesFromTheUrl() {
        assertThat(StatementCounter.databaseName("jdbc:postgresql://localhost:5432/bench_12?user=postgres"))
                .isEqualTo("bench_12");
    }
}
