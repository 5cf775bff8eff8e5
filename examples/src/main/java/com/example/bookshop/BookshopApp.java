package com.example.bookshop;

import com.example.bookshop.reviews.RatingScale;
import com.example.bookshop.reviews.ReviewMigrations;
import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.MigrationStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * Migrates the database and prints the state of every migration.
     *
     * @param args an optional JDBC URL
     */
    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("Usage: BookshopApp [jdbc-url]   (default: " + DEFAULT_URL + ")");
            System.exit(2);
        }
        Jdbi jdbi = Jdbi.create(args.length == 1 ? args[0] : DEFAULT_URL);
        MigrationReport report = migrate(jdbi);
        System.out.print(format(MigrationRunner.status(jdbi)));
        System.out.println(report.summary());
        if (report.hasFailures()) {
            System.exit(1);
        }
    }

    /**
     * Runs every migration of the application: the SQL files under {@code db/migration} and the {@code @Migration}
     * methods of the catalog and the reviews, found through the registry the Godwit annotation processor generated
     * at compile time, all in one sequence ordered by ID.
     *
     * <p>{@code ReviewMigrations} needs a service, so the runner gets its instance from a factory: here a plain map
     * of the application's objects; with Spring, {@code instances(context::getBean)}.
     *
     * @param jdbi the application's database
     * @return what ran, what failed and what was already done
     */
    public static MigrationReport migrate(Jdbi jdbi) {
        Map<Class<?>, Object> services = Map.of(ReviewMigrations.class, new ReviewMigrations(RatingScale.FIVE_STARS));
        return MigrationRunner.builder(jdbi).instances(services::get).build().runAll();
    }

    /**
     * Formats the state of every migration as a table: ID, kind, state, when it ran and how long it took.
     *
     * @param statuses the migrations, as {@link MigrationRunner#status} lists them
     * @return the table, one line per migration
     */
    public static String format(List<MigrationStatus> statuses) {
        int idWidth = "ID".length();
        for (MigrationStatus status : statuses) {
            idWidth = Math.max(idWidth, status.id().length());
        }
        String row = "%-" + idWidth + "s  %-4s  %-9s  %-19s  %8s%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, row, "ID", "KIND", "STATE", "EXECUTED AT (UTC)", "DURATION"));
        for (MigrationStatus status : statuses) {
            table.append(String.format(
                    Locale.ROOT,
                    row,
                    status.id(),
                    status.kind()
                            .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                            .orElse("?"),
                    status.state().name().toLowerCase(Locale.ROOT),
                    status.executedAt().map(EXECUTED_AT::format).orElse("-"),
                    status.duration()
                            .map(duration -> duration.toMillis() + " ms")
                            .orElse("-")));
            status.error().ifPresent(error -> table.append("    ").append(error).append(System.lineSeparator()));
        }
        return table.toString();
    }
}
