package dev.godwit.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void namesTheExceptionAndEachCause() {
        Exception error = new IllegalStateException(
                "could not backfill", new SQLException("constraint failed", new RuntimeException()));

        assertThat(ErrorText.of(error))
                .isEqualTo("java.lang.IllegalStateException: could not backfill\n"
                        + "Caused by: java.sql.SQLException: constraint failed\n"
                        + "Caused by: java.lang.RuntimeException");
    }

    @Test
    void stopsAtACycleOfCauses() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);

        assertThat(ErrorText.of(first)).isEqualTo("java.lang.Exception: first\nCaused by: java.lang.Exception: second");
    }

    @Test
    void isCutToTheMaximumLength() {
        String text = ErrorText.of(new IllegalStateException("x".repeat(10_000)));

        assertThat(text).hasSize(ErrorText.MAX_LENGTH).endsWith("... (truncated)");
    }
}
