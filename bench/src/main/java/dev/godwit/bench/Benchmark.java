package dev.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures Godwit against Flyway and a hand-written JDBC loop, and writes {@code RESULTS.md} and {@code chart.svg}.
 * Godwit runs twice, with migrations on JDBC (the same bodies as Flyway's and the loop's) and on JDBI's {@code Handle};
 * a JDBI loop, the JDBC loop with Godwit's {@code Handle} bodies, is the reference for the second.
 *
 * <p>For each N it generates the migrations of every contender and compiles them with javac (Godwit's with its
 * processor); then each measurement runs in a fresh JVM with one contender's class path, on a new database: an SQLite
 * file, and databases of embedded PostgreSQL servers (one per setup for the whole run). See {@link Measurements} for
 * the scenarios, {@link ProcessorCost} for the compilations, and the README's Performance section for the command.
 */
public final class Benchmark {

    private Benchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args the options; {@code --help} lists them
     * @throws Exception if a measurement fails
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            System.out.print(Options.USAGE);
            return;
        }
        run(options);
    }

    /** Runs the benchmark and returns the report's file. */
    static Path run(Options options) throws Exception {
        MachineInfo machine = MachineInfo.capture();
        Path work = options.workDirectory() != null
                ? Files.createDirectories(options.workDirectory())
                : Files.createTempDirectory("godwit-bench");
        System.out.println("Godwit benchmark on " + machine.summary() + "; work directory " + work);
        Results results = new Results();
        try {
            ChildLauncher launcher = new ChildLauncher(work);
            ClassPaths classPaths = ClassPaths.snapshot(Files.createDirectories(work.resolve("lib")));
            List<Workload> workloads = new ArrayList<>();
            for (int size : options.sizes()) {
                System.out.printf("Workload N=%,d:%n", size);
                workloads.add(Workload.create(work, size, classPaths));
            }
            boolean counted = false;
            for (DatabaseSetup setup : options.databases()) {
                System.out.println(setup.label() + ":");
                try (Database database = open(setup, work)) {
                    results.describe(setup, database.description());
                    System.out.println("  " + database.description());
                    // Statements do not depend on fsync: count them on the first PostgreSQL setup only.
                    boolean count = !counted && database.statementCounter().isPresent();
                    counted |= count;
                    new Measurements(options, launcher, database, results, count).run(workloads);
                }
            }
            if (options.processorRepetitions() > 0) {
                System.out.println("Processor cost:");
                ProcessorCost.measure(work, options.processorRepetitions(), classPaths, launcher, results);
            }
        } finally {
            if (!options.keepWork()) {
                deleteTree(work);
            }
        }
        machine.finish();
        Files.createDirectories(options.resultsDirectory());
        String markdown = new Report(options, machine, results).markdown();
        Path report = options.resultsDirectory().resolve("RESULTS.md");
        Files.writeString(report, markdown);
        Files.writeString(options.resultsDirectory().resolve(Report.CHART), new SvgChart(results).render());
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written: " + report.toAbsolutePath() + " and " + Report.CHART);
        return report;
    }

    private static Database open(DatabaseSetup setup, Path work) throws Exception {
        return switch (setup) {
            case SQLITE -> new SqliteDatabase(work);
            case POSTGRES, POSTGRES_DURABLE -> PostgresDatabase.start(setup, work);
        };
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
