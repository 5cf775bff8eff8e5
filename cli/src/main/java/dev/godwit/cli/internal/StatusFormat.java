package dev.godwit.cli.internal;

import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Migration statuses as a table for people and as JSON for programs. */
public final class StatusFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_ERROR_WIDTH = 100;
    /** What has run first, then what has not. */
    private static final List<MigrationState> SUMMARY_ORDER = List.of(
            MigrationState.SUCCEEDED,
            MigrationState.ACTIVE,
            MigrationState.EXPIRED,
            MigrationState.CHANGED,
            MigrationState.FAILED,
            MigrationState.BLOCKED,
            MigrationState.PENDING,
            MigrationState.UNKNOWN);

    private StatusFormat() {}

    /**
     * Returns the table of {@code godwit status}: ID, kind, state, when it last ran (UTC), how long it took, and the
     * first line of the error of a failed one.
     *
     * @param statuses the statuses, in ID order
     * @return the table, each line ending with a line break; just the header for no statuses
     */
    public static String statusTable(List<MigrationStatus> statuses) {
        return table(
                List.of("ID", "KIND", "STATE", "EXECUTED AT", "DURATION", "ERROR"),
                statuses,
                status -> List.of(
                        status.id(),
                        kind(status),
                        stateCell(status.state()),
                        status.executedAt().map(TIME::format).orElse("-"),
                        status.duration().map(Durations::format).orElse("-"),
                        note(status)));
    }

    /**
     * The last column: the first line of the error of a failed migration, which prerequisites hold back a blocked
     * one, or until when an interval migration runs.
     */
    private static String note(MigrationStatus status) {
        if (status.state() == MigrationState.BLOCKED) {
            return "held back until " + String.join(", ", status.blockedBy()) + " succeed";
        }
        if (status.state() == MigrationState.ACTIVE || status.state() == MigrationState.EXPIRED) {
            return status.runUntil()
                    .map(until -> "runs until " + TIME.format(until))
                    .orElse("");
        }
        return status.error().map(StatusFormat::abbreviate).orElse("");
    }

    /**
     * Returns the table of {@code godwit plan}: the migrations a run would run, in order.
     *
     * @param plan the migrations, in run order
     * @return the table, each line ending with a line break
     */
    public static String planTable(List<MigrationStatus> plan) {
        return table(
                List.of("ID", "KIND", "STATE", "SOURCE"),
                plan,
                status -> List.of(
                        status.id(),
                        kind(status),
                        stateCell(status.state()),
                        status.source().orElse("-")));
    }

    /**
     * Returns a count of the states: {@code 5 migrations: 3 succeeded, 1 failed, 1 pending}.
     *
     * @param statuses the statuses
     * @return the summary, without a line break
     */
    public static String summary(List<MigrationStatus> statuses) {
        Map<MigrationState, Long> counts = new EnumMap<>(MigrationState.class);
        statuses.forEach(status -> counts.merge(status.state(), 1L, Long::sum));
        String count = statuses.size() == 1 ? "1 migration" : statuses.size() + " migrations";
        if (counts.isEmpty()) {
            return count;
        }
        return count + ": "
                + SUMMARY_ORDER.stream()
                        .filter(counts::containsKey)
                        .map(state -> counts.get(state) + " " + state(state))
                        .collect(Collectors.joining(", "));
    }

    /**
     * Returns the statuses as a JSON document: {@code {"migrations": [...]}}, one object per migration with the keys
     * {@code id}, {@code kind} ({@code "code"}, {@code "sql"} or {@code null}), {@code source}, {@code state}
     * ({@code "pending"}, {@code "succeeded"}, {@code "failed"}, {@code "changed"}, {@code "unknown"}),
     * {@code executedAt} (ISO-8601 UTC), {@code durationMs}, {@code error} (the whole text), {@code checksum} and
     * {@code recordedChecksum}; {@code null} where there is no value.
     *
     * @param statuses the statuses, in order
     * @return the document, ending with a line break
     */
    public static String json(List<MigrationStatus> statuses) {
        StringBuilder json = new StringBuilder("{\n  \"migrations\": [");
        for (int i = 0; i < statuses.size(); i++) {
            MigrationStatus status = statuses.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {")
                    .append("\"id\": ")
                    .append(Json.string(status.id()))
                    .append(", \"kind\": ")
                    .append(Json.string(status.kind()
                            .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                            .orElse(null)))
                    .append(", \"source\": ")
                    .append(Json.string(status.source().orElse(null)))
                    .append(", \"state\": ")
                    .append(Json.string(state(status.state())))
                    .append(", \"executedAt\": ")
                    .append(Json.string(
                            status.executedAt().map(Instant::toString).orElse(null)))
                    .append(", \"durationMs\": ")
                    .append(status.duration()
                            .map(Duration::toMillis)
                            .map(String::valueOf)
                            .orElse("null"))
                    .append(", \"error\": ")
                    .append(Json.string(status.error().orElse(null)))
                    .append(", \"checksum\": ")
                    .append(Json.string(status.checksum().orElse(null)))
                    .append(", \"recordedChecksum\": ")
                    .append(Json.string(status.recordedChecksum().orElse(null)))
                    .append(", \"runUntil\": ")
                    .append(Json.string(status.runUntil().map(Instant::toString).orElse(null)))
                    .append(", \"blockedBy\": ")
                    .append(status.blockedBy().stream().map(Json::string).collect(Collectors.joining(", ", "[", "]")))
                    .append('}');
        }
        return json.append(statuses.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String table(
            List<String> header, List<MigrationStatus> statuses, Function<MigrationStatus, List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        statuses.forEach(status -> rows.add(row.apply(status)));
        int[] widths = new int[header.size()];
        for (List<String> cells : rows) {
            for (int column = 0; column < cells.size(); column++) {
                widths[column] = Math.max(widths[column], cells.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> cells : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < cells.size(); column++) {
                String cell = cells.get(column);
                line.append(cell);
                if (column < cells.size() - 1) {
                    line.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String kind(MigrationStatus status) {
        return status.kind().map(kind -> kind.name().toLowerCase(Locale.ROOT)).orElse("-");
    }

    private static String state(MigrationState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /**
     * In tables, the states that need a person's attention stand out: {@code FAILED}, {@code CHANGED},
     * {@code UNKNOWN}, {@code BLOCKED}.
     */
    private static String stateCell(MigrationState state) {
        return switch (state) {
            case PENDING, SUCCEEDED, ACTIVE, EXPIRED -> state(state);
            case FAILED, CHANGED, UNKNOWN, BLOCKED -> state.name();
        };
    }

    private static String abbreviate(String error) {
        String line = Failures.firstLine(error);
        return line.length() <= MAX_ERROR_WIDTH ? line : line.substring(0, MAX_ERROR_WIDTH - 3) + "...";
    }
}
