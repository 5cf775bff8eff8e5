package com.example.bookshop;

import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * A small bookshop that migrates its database at start-up, before it would take any traffic.
 *
 * <p>Run it with no argument to use an SQLite file, {@code bookshop.db}, in the working directory; or give a JDBC
 * URL, such as {@code jdbc:postgresql://localhost:5432/bookshop?user=shop&password=secret}. Run it twice: the second
 * start finds everything done and runs nothing.
 */
public final class BookshopApp {

    /** Where the bookshop keeps its data when no JDBC URL is given. */
    public static final String DEFAULT_URL = "jdbc:sqlite:bookshop.db";

    private static final DateTimeFormatter EXECUTED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BookshopApp() {}

    /**
     * Migrates the database and prints what happened.
     *
     * @param args an optional JDBC URL
     */
    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("Usage: BookshopApp [jdbc-url]   (default: " + DEFAULT_URL + ")");
            System.exit(2);
        }
        String url = args.length == 1 ? args[0] : DEFAULT_URL;
        MigrationReport report = migrate(Jdbi.create(url));
        System.out.print(format(report));
        if (report.hasFailures()) {
            System.exit(1);
        }
    }

    /**
     * Runs every migration of the application: those of the catalog and of the reviews, found through the registry
     * the Godwit annotation processor generated at compile time.
     *
     * @param jdbi the application's database
     * @return what ran, what failed and what was already done
     */
    public static MigrationReport migrate(Jdbi jdbi) {
        return MigrationRunner.runAll(jdbi);
    }

    /**
     * Formats a report as a table of each migration's ID, status, time and duration.
     *
     * @param report the report of a run
     * @return the table, one line per migration, and a summary line
     */
    public static String format(MigrationReport report) {
        int idWidth = "ID".length();
        for (MigrationResult result : report.results()) {
            idWidth = Math.max(idWidth, result.id().length());
        }
        String row = "%-" + idWidth + "s  %-15s  %-19s  %8s%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, row, "ID", "STATUS", "EXECUTED AT (UTC)", "DURATION"));
        for (MigrationResult result : report.results()) {
            table.append(String.format(
                    Locale.ROOT,
                    row,
                    result.id(),
                    result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    EXECUTED_AT.format(result.executedAt()),
                    result.duration().toMillis() + " ms"));
            result.error().ifPresent(error -> table.append("    ").append(error).append(System.lineSeparator()));
        }
        table.append(String.format(
                Locale.ROOT,
                "%d applied, %d failed, %d already applied%n",
                report.applied().size(),
                report.failed().size(),
                report.alreadyApplied().size()));
        return table.toString();
    }
}
