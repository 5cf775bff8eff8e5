package dev.godwit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's command line; see {@link #USAGE}.
 *
 * @param sizes the numbers of migrations N
 * @param repetitions cold JVMs per figure
 * @param largeRepetitions cold JVMs per figure for N above 1,000
 * @param warmRuns timed runs per warm JVM with nothing pending
 * @param warmRepetitions JVMs for the nothing-pending warm figure up to {@link Targets#TARGET_SIZE}, at least {@code
 *     repetitions}
 * @param warmAllRuns timed runs per warm JVM with everything pending; 0 to skip
 * @param warmAllMaxSize the largest N for the warm all-pending scenario
 * @param databases where to run
 * @param processorRepetitions compilations with and without the processor; 0 to skip
 * @param resultsDirectory where RESULTS.md and chart.svg go
 * @param workDirectory where sources, classes, databases and logs go; {@code null} for a new temporary directory
 * @param keepWork whether to keep the work directory
 * @param arguments the arguments as given, for the report
 */
record Options(
        List<Integer> sizes,
        int repetitions,
        int largeRepetitions,
        int warmRuns,
        int warmRepetitions,
        int warmAllRuns,
        int warmAllMaxSize,
        List<DatabaseSetup> databases,
        int processorRepetitions,
        Path resultsDirectory,
        Path workDirectory,
        boolean keepWork,
        List<String> arguments) {

    static final String USAGE = """
            Usage: Benchmark [options]
              --quick                 N=100,1000, 3 repetitions, 5 warm runs, sqlite and postgres only
                                      (later options still apply)
              --sizes=100,1000,10000  the numbers of migrations N
              --reps=5                cold JVMs per figure (median, min-max)
              --large-reps=N          cold JVMs per figure for N above 1,000 (default: --reps); Flyway takes
                                      minutes per run at N=10,000
              --warm-runs=10          timed runs in a warm JVM with nothing pending (their median is one figure)
              --warm-reps=9           JVMs for the warm figure with nothing pending, for N up to 1,000 (at least
                                      --reps): one JVM's figure moves a third from one to the next
              --warm-all-runs=3       timed runs in a warm JVM with everything pending; 0 to skip
              --warm-all-max=1000     the largest N for the warm all-pending scenario
              --databases=sqlite,postgres,postgres-fsync
              --processor-reps=5      compilations each way (without a processor, with Godwit's, with the two
                                      reference processors); 0 to skip
              --results=DIR           where RESULTS.md and chart.svg go (default bench/results)
              --work=DIR              where sources, classes, databases and child logs go (default: a temp dir)
              --keep-work             keep the work directory (child logs for profiling)
            """;

    /** Parses the arguments; {@code null} if they asked for help. */
    static Options parse(String... args) {
        List<Integer> sizes = List.of(100, 1_000, 10_000);
        int repetitions = 5;
        Integer largeRepetitions = null;
        int warmRuns = 10;
        int warmRepetitions = 9;
        int warmAllRuns = 3;
        int warmAllMaxSize = 1_000;
        List<DatabaseSetup> databases = List.of(DatabaseSetup.values());
        int processorRepetitions = 5;
        Path results = Path.of(System.getProperty("godwit.bench.results", "bench/results"));
        Path work = null;
        boolean keepWork = false;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--quick" -> {
                    sizes = List.of(100, 1_000);
                    repetitions = 3;
                    warmRuns = 5;
                    warmRepetitions = 3;
                    warmAllRuns = 2;
                    databases = List.of(DatabaseSetup.SQLITE, DatabaseSetup.POSTGRES);
                    processorRepetitions = 3;
                }
                case "--sizes" ->
                    sizes = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .sorted()
                            .toList();
                case "--reps" -> repetitions = positive(name, value);
                case "--large-reps" -> largeRepetitions = positive(name, value);
                case "--warm-runs" -> warmRuns = positive(name, value);
                case "--warm-reps" -> warmRepetitions = positive(name, value);
                case "--warm-all-runs" -> warmAllRuns = Integer.parseInt(value);
                case "--warm-all-max" -> warmAllMaxSize = Integer.parseInt(value);
                case "--databases" ->
                    databases = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .map(DatabaseSetup::ofOption)
                            .toList();
                case "--processor-reps" -> processorRepetitions = Integer.parseInt(value);
                case "--results" -> results = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--keep-work" -> keepWork = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new Options(
                sizes,
                repetitions,
                largeRepetitions != null ? largeRepetitions : repetitions,
                warmRuns,
                warmRepetitions,
                warmAllRuns,
                warmAllMaxSize,
                databases,
                processorRepetitions,
                results,
                work,
                keepWork || work != null,
                new ArrayList<>(List.of(args)));
    }

    /** The cold JVMs per figure at {@code size} migrations. */
    int repetitions(int size) {
        return size > 1_000 ? largeRepetitions : repetitions;
    }

    /**
     * The JVMs for the nothing-pending warm figure at {@code size} migrations: {@link #warmRepetitions} up to the
     * size where targets apply, and never fewer than {@link #repetitions(int)}, which measure it too.
     */
    int warmRepetitions(int size) {
        return size <= Targets.TARGET_SIZE ? Math.max(warmRepetitions, repetitions(size)) : repetitions(size);
    }

    private static int positive(String name, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return parsed;
    }
}
