package dev.godwit.bench;

import static dev.godwit.bench.Contender.FLYWAY;
import static dev.godwit.bench.Contender.GODWITS;
import static dev.godwit.bench.Contender.JDBC_LOOP;

import dev.godwit.bench.child.Processing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets of issue 7, checked against the ratios of one run. Each target on Godwit is checked for both of its
 * variants ({@link Contender#GODWITS}), so that the report shows which one meets it: the runner with the same JDBC
 * bodies as the others, and the runner with JDBI's {@code Handle}.
 */
final class Targets {

    /** The N the targets are stated for. */
    static final int TARGET_SIZE = 1_000;

    /**
     * One target and how the run did.
     *
     * @param where the database or the part of the run
     * @param target what the issue asks
     * @param measured what this run measured
     * @param met whether it is met; empty if it could not be measured
     */
    record Check(String where, String target, String measured, Optional<Boolean> met) {

        String verdict() {
            return met.map(m -> m ? "met" : "**not met**").orElse("not measured");
        }
    }

    private Targets() {}

    /** The N the size-bound targets are checked at: 1,000 if measured, else the largest N. */
    static int size(Results results, DatabaseSetup database) {
        List<Integer> sizes = results.sizes(database);
        return sizes.contains(TARGET_SIZE) ? TARGET_SIZE : sizes.get(sizes.size() - 1);
    }

    /**
     * The target on the ratio in a table cell, if there is one there: a Godwit variant over the loop if
     * {@code godwitOverLoop}, else Flyway over a Godwit variant.
     */
    static Optional<String> ratioTarget(Metric metric, boolean godwitOverLoop) {
        if (godwitOverLoop) {
            return switch (metric) {
                case NOOP_COLD, NOOP_PROCESS -> Optional.of("≤ 1.1");
                case NOOP_WARM -> Optional.of("≤ 1.5");
                case ALL_PENDING, RSS_ALL_PENDING -> Optional.of("≤ 1.2");
                default -> Optional.empty();
            };
        }
        return metric == Metric.NOOP_COLD || metric == Metric.NOOP_PROCESS ? Optional.of("≥ 2") : Optional.empty();
    }

    /** The ratio that {@link #ratioTarget} is about, for one Godwit variant. */
    static Optional<Double> ratio(
            Results results, DatabaseSetup database, Metric metric, int size, Contender godwit, boolean overLoop) {
        return overLoop
                ? results.ratio(database, metric, size, godwit, JDBC_LOOP)
                : results.ratio(database, metric, size, FLYWAY, godwit);
    }

    /** Whether a ratio meets a target of {@link #ratioTarget}. */
    static boolean meets(String target, double ratio) {
        double bound = Double.parseDouble(target.substring(2));
        // Compared as printed, to two decimals, so that the table and the verdict agree.
        double rounded = Math.round(ratio * 100) / 100.0;
        return target.startsWith("≤") ? rounded <= bound : rounded >= bound;
    }

    static List<Check> check(Results results) {
        List<Check> checks = new ArrayList<>();
        for (DatabaseSetup database : results.databases()) {
            int size = size(results, database);
            String where = database.label() + ", N=" + String.format("%,d", size);
            for (Metric metric : Metric.values()) {
                for (boolean overLoop : new boolean[] {true, false}) {
                    Optional<String> target = ratioTarget(metric, overLoop);
                    if (target.isEmpty()) {
                        continue;
                    }
                    for (Contender godwit : GODWITS) {
                        Optional<Double> ratio = ratio(results, database, metric, size, godwit, overLoop);
                        String name = metric.label() + ": "
                                + (overLoop ? godwit.label() + " / JDBC loop " : "Flyway / " + godwit.label() + " ")
                                + target.get();
                        checks.add(new Check(
                                where,
                                name,
                                ratio.map(Report::ratio).orElse("-"),
                                ratio.map(r -> meets(target.get(), r))));
                    }
                }
            }
            for (Contender godwit : GODWITS) {
                checks.add(linearGrowth(results, database, godwit));
            }
        }
        results.countedDatabase().ifPresent(database -> checks.addAll(statementChecks(results, database)));
        for (Results.Compilation compilation : Results.Compilation.values()) {
            Optional<Double> ratio = results.compilationRatio(compilation, Processing.GODWIT);
            checks.add(new Check(
                    "processor",
                    compilation.label() + ": with / without ≤ 1.15",
                    ratio.map(Report::ratio).orElse("-"),
                    ratio.map(r -> meets("≤ 1.15", r))));
        }
        return checks;
    }

    /**
     * All pending grows linearly in N: the cost of each migration past the middle N is at most 1.25 times that
     * between the two smallest N (fixed costs cancel out of these differences).
     */
    private static Check linearGrowth(Results results, DatabaseSetup database, Contender godwit) {
        List<Integer> sizes = results.sizes(database);
        String target = "all pending grows linearly, " + godwit.label() + ": cost per added migration between the"
                + " two largest N ≤ 1.25 × that between the two smallest";
        if (sizes.size() < 3) {
            return new Check(database.label(), target, "needs three N", Optional.empty());
        }
        int a = sizes.get(0);
        int b = sizes.get(sizes.size() - 2);
        int c = sizes.get(sizes.size() - 1);
        Optional<Results.Summary> sa = results.summary(database, Metric.ALL_PENDING, a, godwit);
        Optional<Results.Summary> sb = results.summary(database, Metric.ALL_PENDING, b, godwit);
        Optional<Results.Summary> sc = results.summary(database, Metric.ALL_PENDING, c, godwit);
        if (sa.isEmpty() || sb.isEmpty() || sc.isEmpty()) {
            return new Check(database.label(), target, "-", Optional.empty());
        }
        double low = (sb.get().median() - sa.get().median()) / (b - a);
        double high = (sc.get().median() - sb.get().median()) / (c - b);
        return new Check(
                database.label(),
                target,
                String.format("%.3f ms then %.3f ms per migration", low * 1e3, high * 1e3),
                Optional.of(high <= 1.25 * low));
    }

    private static List<Check> statementChecks(Results results, DatabaseSetup database) {
        List<Check> checks = new ArrayList<>();
        int size = size(results, database);
        String where = database.label() + ", N=" + String.format("%,d", size);
        for (Contender godwit : GODWITS) {
            Optional<double[]> perMigration = perMigration(results, database, size, godwit);
            checks.add(new Check(
                    where,
                    "all pending, " + godwit.label() + ": statements per migration ≤ 5",
                    perMigration.map(p -> String.format("%.2f", p[0])).orElse("-"),
                    perMigration.map(p -> p[0] <= 5.005)));
            checks.add(new Check(
                    where,
                    "all pending, " + godwit.label() + ": commits per migration ≤ 1",
                    perMigration.map(p -> String.format("%.2f", p[1])).orElse("-"),
                    perMigration.map(p -> p[1] <= 1.005)));
        }
        for (Contender godwit : GODWITS) {
            List<String> noop = new ArrayList<>();
            boolean constant = true;
            Long first = null;
            for (int n : results.sizes(database)) {
                Optional<StatementCounter.Count> count = results.count(database, n, godwit, false);
                if (count.isPresent()) {
                    noop.add(String.format("%,d: %d", n, count.get().statements()));
                    first = first == null ? count.get().statements() : first;
                    constant &= count.get().statements() == first;
                }
            }
            checks.add(new Check(
                    database.label(),
                    "nothing pending, " + godwit.label() + ": the same number of statements at every N",
                    noop.isEmpty() ? "-" : "N=" + String.join(", ", noop),
                    noop.size() < 2 ? Optional.empty() : Optional.of(constant)));
        }
        return checks;
    }

    /**
     * Statements and commits per migration: those of the all-pending run less those of the nothing-pending run (the
     * fixed part: connection, tracking table check, reading it), over the N + 1 migrations.
     */
    static Optional<double[]> perMigration(Results results, DatabaseSetup database, int size, Contender contender) {
        Optional<StatementCounter.Count> all = results.count(database, size, contender, true);
        Optional<StatementCounter.Count> noop = results.count(database, size, contender, false);
        if (all.isEmpty() || noop.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {
            (all.get().statements() - noop.get().statements()) / (double) (size + 1),
            (all.get().commits() - noop.get().commits()) / (double) (size + 1)
        });
    }
}
