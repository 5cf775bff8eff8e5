package dev.godwit.bench;

import static dev.godwit.bench.Contender.GODWIT;
import static dev.godwit.bench.Contender.GODWITS;
import static dev.godwit.bench.Contender.JDBI_LOOP;

import dev.godwit.bench.child.Processing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The Markdown report of a run: {@code RESULTS.md}, also printed at the end. */
final class Report {

    static final String CHART = "chart.svg";

    private final Options options;
    private final MachineInfo machine;
    private final Results results;
    private final StringBuilder out = new StringBuilder();

    Report(Options options, MachineInfo machine, Results results) {
        this.options = options;
        this.machine = machine;
        this.results = results;
    }

    String markdown() {
        Properties versions = versions();
        out.append("# Godwit benchmark results\n\n");
        machine.busyWarning().ifPresent(warning -> out.append(warning).append("\n\n"));
        out.append(machine.describe())
                .append("\n\nRun with `")
                .append(
                        String.join(" ", options.arguments()).isEmpty()
                                ? "(defaults)"
                                : String.join(" ", options.arguments()))
                .append("`: N = ")
                .append(String.join(
                        ", ",
                        options.sizes().stream()
                                .map(n -> String.format("%,d", n))
                                .toList()))
                .append(", ")
                .append(options.repetitions())
                .append(options.repetitions() == 1 ? " cold JVM" : " cold JVMs")
                .append(" per figure")
                .append(
                        options.largeRepetitions() == options.repetitions()
                                ? ""
                                : " (" + options.largeRepetitions() + " for N above 1,000)")
                .append(", ")
                .append(options.warmRuns())
                .append(" timed runs per warm JVM")
                .append(
                        options.warmRepetitions(Targets.TARGET_SIZE) == options.repetitions(Targets.TARGET_SIZE)
                                ? ""
                                : String.format(
                                        ", %d JVMs for the warm figure with nothing pending up to N = %,d",
                                        options.warmRepetitions(Targets.TARGET_SIZE), Targets.TARGET_SIZE))
                .append(". Godwit ")
                .append(versions.getProperty("godwit"))
                .append(" (JDBI ")
                .append(versions.getProperty("jdbi"))
                .append("), Flyway ")
                .append(versions.getProperty("flyway"))
                .append(", sqlite-jdbc ")
                .append(versions.getProperty("sqlite-jdbc"))
                .append(", PostgreSQL JDBC ")
                .append(versions.getProperty("postgresql-jdbc"))
                .append(".\n\n")
                .append("Each figure is the median, with the range (min-max) below it, of one sample per cold JVM."
                        + " Each contender applies N + 1 migrations: one creates `bench_data`, N insert one row each."
                        + " Times inside the JVM run from just before the first library call (JDBC driver loading"
                        + " included) to its return; \"whole process\" is the child JVM's wall time as its parent saw"
                        + " it. Warm figures are the median of the runs after a first one in the same JVM. The ratios"
                        + " are of medians; a target applies at N = 1,000. Godwit runs twice, with the same runtime"
                        + " and the same call, `MigrationRunner.runAll(dataSource)` with a `DataSource` that opens"
                        + " each connection as the loops do, with `DriverManager`: \"Godwit (JDBC)\" has `@Migration`"
                        + " methods that take the migration's `Connection` and run the very JDBC bodies of Flyway and"
                        + " the JDBC loop (JDBI is never loaded); \"Godwit (Handle)\" has methods that take a JDBI"
                        + " `Handle`, as the README writes them. Every target on Godwit is checked for both; \"/"
                        + " loop\" is over the JDBC loop, the database work alone. The \"JDBI loop\" is the JDBC loop"
                        + " with Godwit (Handle)'s very bodies, run through a `Handle` opened on the loop's connection"
                        + " when the first body runs: the lower bound for `Handle` bodies, the database work plus JDBI,"
                        + " so \"Godwit (Handle) / JDBI loop\" shows Godwit's own cost with such bodies. It is a"
                        + " reference, not a target.\n\n")
                .append("![Time against N](")
                .append(CHART)
                .append(")\n\n");
        for (DatabaseSetup database : results.databases()) {
            databaseTable(database);
        }
        statementTable();
        processorTable();
        out.append("## Targets\n\n| where | target | measured | |\n|---|---|---|---|\n");
        for (Targets.Check check : Targets.check(results)) {
            out.append("| ")
                    .append(check.where())
                    .append(" | ")
                    .append(check.target())
                    .append(" | ")
                    .append(check.measured())
                    .append(" | ")
                    .append(check.verdict())
                    .append(" |\n");
        }
        return out.toString();
    }

    private void databaseTable(DatabaseSetup database) {
        out.append("## ")
                .append(database.label())
                .append("\n\n")
                .append(results.description(database))
                .append(".\n\n| | N |");
        // One column per contender, then the ratios of each Godwit variant, so that neither hides the other, and
        // Godwit (Handle) over its own lower bound, the JDBI loop.
        StringBuilder alignment = new StringBuilder("|---|---:|");
        for (Contender contender : Contender.values()) {
            out.append(' ').append(contender.label()).append(" |");
            alignment.append("---:|");
        }
        for (Contender godwit : GODWITS) {
            out.append(' ').append(godwit.label()).append(" / loop |");
            alignment.append("---|");
        }
        out.append(' ')
                .append(GODWIT.label())
                .append(" / ")
                .append(JDBI_LOOP.label())
                .append(" |");
        alignment.append("---|");
        for (Contender godwit : GODWITS) {
            out.append(" Flyway / ").append(godwit.label()).append(" |");
            alignment.append("---|");
        }
        out.append('\n').append(alignment).append('\n');
        int targetSize = Targets.size(results, database);
        for (Metric metric : Metric.values()) {
            for (int size : results.sizes(database)) {
                if (Arrays.stream(Contender.values())
                        .allMatch(contender -> results.summary(database, metric, size, contender)
                                .isEmpty())) {
                    continue;
                }
                out.append("| ").append(metric.label()).append(" | ").append(String.format("%,d", size));
                for (Contender contender : Contender.values()) {
                    out.append(" | ")
                            .append(results.summary(database, metric, size, contender)
                                    .map(s -> value(metric, s.median()) + "<br>" + value(metric, s.min()) + "-"
                                            + value(metric, s.max()))
                                    .orElse("-"));
                }
                for (Contender godwit : GODWITS) {
                    out.append(" | ").append(ratioCell(database, metric, size, godwit, true, size == targetSize));
                }
                // No target: the JDBI loop is a reference.
                out.append(" | ")
                        .append(results.ratio(database, metric, size, GODWIT, JDBI_LOOP)
                                .map(Report::ratio)
                                .orElse("-"));
                for (Contender godwit : GODWITS) {
                    out.append(" | ").append(ratioCell(database, metric, size, godwit, false, size == targetSize));
                }
                out.append(" |\n");
            }
        }
        out.append('\n');
    }

    private String ratioCell(
            DatabaseSetup database, Metric metric, int size, Contender godwit, boolean overLoop, boolean atTarget) {
        Optional<Double> ratio = Targets.ratio(results, database, metric, size, godwit, overLoop);
        if (ratio.isEmpty()) {
            return "-";
        }
        String cell = ratio(ratio.get());
        Optional<String> target = Targets.ratioTarget(metric, overLoop);
        if (atTarget && target.isPresent()) {
            cell += " (target " + target.get() + ": "
                    + (Targets.meets(target.get(), ratio.get()) ? "met" : "**not met**") + ")";
        }
        return cell;
    }

    private void statementTable() {
        Optional<DatabaseSetup> counted = results.countedDatabase();
        if (counted.isEmpty()) {
            return;
        }
        DatabaseSetup database = counted.get();
        out.append("## Statements and commits (")
                .append(database.label())
                .append(")\n\nCounted by the server in extra, untimed runs: statements from its log, with"
                        + " `log_statement = 'all'` on that database (`BEGIN`, `COMMIT`, `SAVEPOINT` and `SET`"
                        + " included), commits from `pg_stat_database.xact_commit` (every committed transaction,"
                        + " auto-commit statements included). Not `pg_stat_statements`: on PostgreSQL 14 it misses"
                        + " utility statements run through the driver's named prepared statements. Per migration:"
                        + " the all-pending run less the nothing-pending run (the fixed part), over the N + 1"
                        + " migrations.\n\n")
                .append("| N | | all pending: statements, commits | per migration | nothing pending: statements,"
                        + " commits |\n|---:|---|---:|---:|---:|\n");
        for (int size : results.sizes(database)) {
            for (Contender contender : Contender.values()) {
                Optional<StatementCounter.Count> all = results.count(database, size, contender, true);
                Optional<StatementCounter.Count> noop = results.count(database, size, contender, false);
                if (all.isEmpty()) {
                    continue;
                }
                out.append(String.format(
                                "| %,d | %s | %,d, %,d | ",
                                size,
                                contender.label(),
                                all.get().statements(),
                                all.get().commits()))
                        .append(Targets.perMigration(results, database, size, contender)
                                .map(p -> String.format(Locale.ROOT, "%.2f, %.2f", p[0], p[1]))
                                .orElse("-"))
                        .append(noop.map(c -> String.format(" | %,d, %,d |", c.statements(), c.commits()))
                                .orElse(" | - |"))
                        .append('\n');
            }
        }
        int size = Targets.size(results, database);
        out.append(String.format("%nWhat runs per migration (all pending, N = %,d):%n%n", size));
        for (Contender contender : Contender.values()) {
            results.count(database, size, contender, true).ifPresent(count -> {
                List<String> perMigration = new ArrayList<>();
                count.byText().entrySet().stream()
                        .filter(entry -> entry.getValue() * 2 > size)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(entry -> perMigration.add(String.format(
                                Locale.ROOT, "`%s` %.2f", entry.getKey(), entry.getValue() / (double) (size + 1))));
                out.append("- ")
                        .append(contender.label())
                        .append(": ")
                        .append(String.join(", ", perMigration))
                        .append('\n');
            });
        }
        out.append('\n');
    }

    private void processorTable() {
        if (results.compilation(Results.Compilation.COLD, Processing.GODWIT).isEmpty()) {
            return;
        }
        out.append("## Processor cost\n\njavac on ")
                .append(ProcessorCost.CLASSES)
                .append(" classes of ")
                .append(ProcessorCost.METHODS_PER_CLASS)
                .append(" `@Migration` methods each, without a processor, with Godwit's, and with two reference")
                .append(" processors that show what any processor costs javac on the same sources: one that claims")
                .append(" `@Migration` and does nothing, one that also generates an empty class (javac then runs a")
                .append(" round more, and enters every class of the compilation again in each round). Each figure is")
                .append(" the median, min-max, and the ratio to javac without a processor.\n\n|");
        for (Results.Compilation compilation : Results.Compilation.values()) {
            out.append(" | ").append(compilation.label());
        }
        out.append(" |\n|---|")
                .append("---:|".repeat(Results.Compilation.values().length))
                .append('\n');
        for (Processing processing : Processing.values()) {
            out.append("| ").append(processing.label());
            for (Results.Compilation compilation : Results.Compilation.values()) {
                out.append(" | ");
                Optional<Results.Summary> summary = results.compilation(compilation, processing);
                if (summary.isEmpty()) {
                    out.append('-');
                    continue;
                }
                out.append(range(summary.get()));
                Optional<Double> ratio = results.compilationRatio(compilation, processing);
                if (processing != Processing.NONE && ratio.isPresent()) {
                    out.append("<br>").append(ratio(ratio.get()));
                    if (processing == Processing.GODWIT) {
                        out.append(" (target ≤ 1.15: ")
                                .append(Targets.meets("≤ 1.15", ratio.get()) ? "met" : "**not met**")
                                .append(')');
                    }
                }
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    private static String range(Results.Summary summary) {
        return time(summary.median()) + "<br>" + time(summary.min()) + "-" + time(summary.max());
    }

    private static String value(Metric metric, double value) {
        return metric.isTime() ? time(value) : String.format(Locale.ROOT, "%.0f MiB", value);
    }

    /** Seconds to three significant digits: {@code 4.98 s}, {@code 47.9 ms}, {@code 812 µs}. */
    static String time(double seconds) {
        if (seconds >= 1) {
            return significant(seconds) + " s";
        }
        if (seconds >= 1e-3) {
            return significant(seconds * 1e3) + " ms";
        }
        return significant(seconds * 1e6) + " µs";
    }

    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static Properties versions() {
        Properties versions = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }
}
