package dev.godwit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The migration scenarios on one database. For each N and repetition, each contender in turn (Godwit's two variants,
 * Flyway and the two loops; the order rotates with the repetition, so that none always runs first) gets a new database
 * and four fresh JVMs:
 *
 * <ol>
 *   <li>all pending: one run; the time inside the JVM from just before the first library call to its return, and
 *       the peak RSS;
 *   <li>nothing pending, on the database the first JVM migrated: the same time, the wall time of the whole process
 *       as the parent saw it, and the peak RSS;
 *   <li>nothing pending, warm: one run, then the median of the next {@code --warm-runs} runs in the same JVM;
 *   <li>all pending, warm, on another new database (up to {@code --warm-all-max}): one run, then the median of
 *       {@code --warm-all-runs} runs, each after dropping the tables (untimed).
 * </ol>
 *
 * Up to the N where targets apply, the nothing-pending warm figure then gets more JVMs, up to {@code --warm-reps}:
 * each contender in turn again, on a new database that an untimed JVM migrates first, so that the warm JVM starts as
 * the third above does. One warm JVM's median moves by a third from one JVM to the next on a two-core machine, more
 * than the differences the warm target asks about.
 *
 * <p>On the PostgreSQL setup that counts statements, each contender also gets two untimed JVMs per N on a database that
 * logs every statement, all pending and then nothing pending ({@link StatementCounter}).
 */
final class Measurements {

    private final Options options;
    private final ChildLauncher launcher;
    private final Database database;
    private final Results results;
    private final boolean countStatements;

    Measurements(Options options, ChildLauncher launcher, Database database, Results results, boolean count) {
        this.options = options;
        this.launcher = launcher;
        this.database = database;
        this.results = results;
        this.countStatements = count && database.statementCounter().isPresent();
    }

    void run(List<Workload> workloads) throws Exception {
        for (Workload workload : workloads) {
            if (countStatements) {
                for (Contender contender : Contender.values()) {
                    count(workload, contender);
                }
            }
            for (int repetition = 0; repetition < options.repetitions(workload.size()); repetition++) {
                List<Contender> order = new ArrayList<>(Arrays.asList(Contender.values()));
                Collections.rotate(order, -repetition);
                for (Contender contender : order) {
                    measure(workload, contender, repetition);
                }
            }
            int repetitions = options.repetitions(workload.size());
            for (int repetition = repetitions; repetition < options.warmRepetitions(workload.size()); repetition++) {
                List<Contender> order = new ArrayList<>(Arrays.asList(Contender.values()));
                Collections.rotate(order, -repetition);
                for (Contender contender : order) {
                    measureWarmOnly(workload, contender, repetition);
                }
            }
        }
    }

    private void measure(Workload workload, Contender contender, int repetition) throws Exception {
        DatabaseSetup setup = database.setup();
        int size = workload.size();
        String classPath = workload.classPath(contender);
        String label = label(workload, contender);
        String url = database.create();
        ChildLauncher.Result all = migrate(label + "-all", classPath, contender, url, "once", 0);
        ChildLauncher.Result noop = migrate(label + "-noop", classPath, contender, url, "once", 0);
        checkMigrated(url, size, contender);
        double warmNoop = warmNoop(workload, contender, label, url);
        database.drop(url);

        results.add(setup, Metric.ALL_PENDING, size, contender, seconds(all.nanos("first_ns")));
        results.add(setup, Metric.RSS_ALL_PENDING, size, contender, all.nanos("vmhwm_kb") / 1024.0);
        results.add(setup, Metric.NOOP_COLD, size, contender, seconds(noop.nanos("first_ns")));
        results.add(setup, Metric.NOOP_PROCESS, size, contender, seconds(noop.processNanos()));
        results.add(setup, Metric.RSS_NOOP, size, contender, noop.nanos("vmhwm_kb") / 1024.0);
        String warmAll = "";
        if (options.warmAllRuns() > 0 && size <= options.warmAllMaxSize()) {
            String fresh = database.create();
            ChildLauncher.Result warmRun =
                    migrate(label + "-warm-all", classPath, contender, fresh, "warm-all", options.warmAllRuns());
            database.drop(fresh);
            double median = median(warmRun.nanosList("runs_ns"));
            results.add(setup, Metric.ALL_PENDING_WARM, size, contender, median);
            warmAll = ", warm all pending " + Report.time(median);
        }
        System.out.printf(
                "  %-32s N=%,-7d rep %d/%d  %-15s  all pending %s, nothing pending %s (process %s), warm %s%s%n",
                setup.label(),
                size,
                repetition + 1,
                options.repetitions(size),
                contender.label(),
                Report.time(seconds(all.nanos("first_ns"))),
                Report.time(seconds(noop.nanos("first_ns"))),
                Report.time(seconds(noop.processNanos())),
                Report.time(warmNoop),
                warmAll);
    }

    /** One more sample of the nothing-pending warm figure, on a database that an untimed JVM migrates first. */
    private void measureWarmOnly(Workload workload, Contender contender, int repetition) throws Exception {
        DatabaseSetup setup = database.setup();
        int size = workload.size();
        String classPath = workload.classPath(contender);
        String label = label(workload, contender);
        String url = database.create();
        migrate(label + "-warm-setup", classPath, contender, url, "once", 0);
        checkMigrated(url, size, contender);
        double warmNoop = warmNoop(workload, contender, label, url);
        database.drop(url);
        System.out.printf(
                "  %-32s N=%,-7d warm %d/%d  %-15s  warm %s%n",
                setup.label(),
                size,
                repetition + 1,
                options.warmRepetitions(size),
                contender.label(),
                Report.time(warmNoop));
    }

    /** The name of a contender's JVMs on this database and workload, for their logs. */
    private String label(Workload workload, Contender contender) {
        return database.setup().option() + "-n" + workload.size() + "-" + contender.workName();
    }

    /** Runs the warm JVM with nothing pending on a migrated database, records its median and returns it. */
    private double warmNoop(Workload workload, Contender contender, String label, String url) throws Exception {
        ChildLauncher.Result warm = migrate(
                label + "-warm", workload.classPath(contender), contender, url, "warm-noop", options.warmRuns());
        double median = median(warm.nanosList("runs_ns"));
        results.add(database.setup(), Metric.NOOP_WARM, workload.size(), contender, median);
        return median;
    }

    /** The untimed runs that count statements and commits. */
    private void count(Workload workload, Contender contender) throws Exception {
        StatementCounter counter = database.statementCounter().orElseThrow();
        String label = label(workload, contender);
        String classPath = workload.classPath(contender);
        String url = database.create();
        counter.logStatements(url);
        StatementCounter.Start start = counter.start(url);
        migrate(label + "-count-all", classPath, contender, url, "once", 0);
        StatementCounter.Count all = counter.stop(start);
        start = counter.start(url);
        migrate(label + "-count-noop", classPath, contender, url, "once", 0);
        StatementCounter.Count noop = counter.stop(start);
        database.drop(url);
        results.count(database.setup(), workload.size(), contender, true, all);
        results.count(database.setup(), workload.size(), contender, false, noop);
        System.out.printf(
                "  %-32s N=%,-7d counted  %-15s  all pending %,d statements, %,d commits; nothing pending %,d, %,d%n",
                database.setup().label(),
                workload.size(),
                contender.label(),
                all.statements(),
                all.commits(),
                noop.statements(),
                noop.commits());
    }

    private ChildLauncher.Result migrate(
            String label, String classPath, Contender contender, String url, String mode, int runs) throws Exception {
        return launcher.run(label, classPath, "migrate", contender.childClass(), url, mode, String.valueOf(runs));
    }

    /** Every contender must have done the same work: a benchmark of a runner that skipped some proves nothing. */
    private static void checkMigrated(String url, int size, Contender contender) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(sum(v), 0) FROM bench_data")) {
            rows.next();
            long count = rows.getLong(1);
            long sum = rows.getLong(2);
            if (count != size || sum != (long) size * (size + 1) / 2) {
                throw new IllegalStateException(contender.label() + " left " + count + " rows (sum " + sum
                        + ") in bench_data after two runs of " + size + " inserts");
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(List<Long> nanos) {
        return Results.Summary.of(nanos.stream().map(Measurements::seconds).toList())
                .median();
    }
}
