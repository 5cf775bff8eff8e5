package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationReportTest {

    private static final Instant AT = Instant.parse("2024-05-01T12:34:56.789Z");

    private static final MigrationResult APPLIED =
            MigrationResult.applied(MigrationDefinition.code("v1_books", "com.example.A#books"), AT, millis(12));
    private static final MigrationResult FAILED = MigrationResult.failed(
            MigrationDefinition.code("v2_authors", "com.example.A#authors"),
            AT,
            millis(3),
            new IllegalStateException("no authors"));
    private static final MigrationResult ALREADY_APPLIED =
            MigrationResult.alreadyApplied(MigrationDefinition.code("v10", "com.example.B#ten"), AT, millis(1500));

    private static final MigrationReport REPORT =
            MigrationReport.of(List.of(APPLIED, FAILED, ALREADY_APPLIED), millis(41));

    @Test
    void groupsTheResultsByOutcomeInRunOrder() {
        assertThat(REPORT.results()).containsExactly(APPLIED, FAILED, ALREADY_APPLIED);
        assertThat(REPORT.applied()).containsExactly(APPLIED);
        assertThat(REPORT.failed()).containsExactly(FAILED);
        assertThat(REPORT.alreadyApplied()).containsExactly(ALREADY_APPLIED);
        assertThat(REPORT.hasFailures()).isTrue();
        assertThat(REPORT.duration()).isEqualTo(millis(41));
    }

    @Test
    void throwIfFailedNamesTheFailuresAndCarriesTheirExceptions() {
        assertThatThrownBy(REPORT::throwIfFailed)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("1 migration failed: v2_authors (java.lang.IllegalStateException: no authors).")
                .satisfies(e -> {
                    assertThat(((MigrationFailedException) e).migrationIds()).containsExactly("v2_authors");
                    assertThat(e.getSuppressed()).containsExactly(FAILED.error().orElseThrow());
                });
    }

    @Test
    void rendersATable() {
        assertThat(REPORT.toString())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "ID          OUTCOME          EXECUTED AT                 DURATION  ERROR",
                        "v1_books    APPLIED          2024-05-01 12:34:56.789Z       12 ms",
                        "v2_authors  FAILED           2024-05-01 12:34:56.789Z        3 ms  "
                                + "java.lang.IllegalStateException: no authors",
                        "v10         ALREADY_APPLIED  2024-05-01 12:34:56.789Z     1500 ms",
                        "3 migrations in 41 ms: 1 applied, 1 failed, 1 already applied"));
    }

    @Test
    void anEmptyReportHasNothingToThrow() {
        MigrationReport empty = MigrationReport.of(List.of(), Duration.ZERO);

        assertThat(empty.throwIfFailed()).isSameAs(empty);
        assertThat(empty.summary()).isEqualTo("0 migrations in 0 ms: 0 applied, 0 failed, 0 already applied");
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }
}
