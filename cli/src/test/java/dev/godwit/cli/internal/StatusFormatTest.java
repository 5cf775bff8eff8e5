package dev.godwit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The states and outcomes of interval migrations and prerequisites, as the CLI prints them. */
class StatusFormatTest {

    private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    private static final MigrationDefinition FILL_ISBN = MigrationDefinition.code(
                    "v5_fill_isbn", "com.example.Books#fillIsbn")
            .withAfter("v4_add_isbn_column");
    private static final MigrationDefinition CLEAR_FLAG = MigrationDefinition.code(
                    "v8_clear_legacy_flag", "com.example.Books#clearLegacyFlag")
            .withRunUntil(Instant.parse("2027-03-01T00:00:00Z"));

    @Test
    void blockedMigrationsNameWhatHoldsThemBackInTheTableAndTheJson() throws Exception {
        MigrationStatus blocked = MigrationStatus.pending(FILL_ISBN, NOW).blockedBy(List.of("v4_add_isbn_column"));

        assertThat(StatusFormat.statusTable(List.of(blocked)))
                .containsPattern("v5_fill_isbn\\s+code\\s+BLOCKED\\s+-\\s+-\\s+held back until v4_add_isbn_column");
        JsonNode migration = new ObjectMapper()
                .readTree(StatusFormat.json(List.of(blocked)))
                .get("migrations")
                .get(0);
        assertThat(migration.get("state").asText()).isEqualTo("blocked");
        assertThat(migration.get("blockedBy").get(0).asText()).isEqualTo("v4_add_isbn_column");
        assertThat(migration.get("runUntil").isNull()).isTrue();
    }

    @Test
    void intervalMigrationsShowUntilWhenTheyRun() throws Exception {
        MigrationStatus active = MigrationStatus.recorded(
                CLEAR_FLAG, true, NOW.minusSeconds(60), Duration.ofMillis(12), null, null, NOW);
        assertThat(active.state()).isEqualTo(MigrationState.ACTIVE);

        assertThat(StatusFormat.statusTable(List.of(active)))
                .containsPattern("v8_clear_legacy_flag\\s+code\\s+active\\s+.*runs until 2027-03-01 00:00:00Z");
        JsonNode migration = new ObjectMapper()
                .readTree(StatusFormat.json(List.of(active)))
                .get("migrations")
                .get(0);
        assertThat(migration.get("runUntil").asText()).isEqualTo("2027-03-01T00:00:00Z");
        assertThat(migration.get("blockedBy").isEmpty()).isTrue();
    }

    @Test
    void runLinesSayWhyAMigrationWasHeldBack() {
        assertThat(MigrationProgress.line(MigrationResult.blocked(FILL_ISBN, NOW, List.of("v4_add_isbn_column"))))
                .isEqualTo("BLOCKED       0 ms  v5_fill_isbn: held back until v4_add_isbn_column succeed");
        assertThat(MigrationProgress.line(MigrationResult.expired(CLEAR_FLAG, NOW, Duration.ZERO)))
                .startsWith("expired")
                .endsWith("v8_clear_legacy_flag");
    }
}
