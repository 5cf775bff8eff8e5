package dev.godwit.bench.child;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The entry point of every JVM the benchmark starts: each measurement runs in a fresh JVM, with the class path of one
 * contender only. It reports on standard output, one {@code BENCH key=value} line per figure; the parent ignores
 * everything else.
 *
 * <pre>
 * migrate CONTENDER_CLASS JDBC_URL once|warm-noop|warm-all RUNS
 * compile NONE|GODWIT|CLAIMING|GENERATING SOURCES CLASS_PATH PROCESSOR_PATH OUT
 * compile-warm SOURCES CLASS_PATH PROCESSOR_PATH OUT WARMUPS RUNS
 * </pre>
 */
public final class ChildMain {

    private ChildMain() {}

    /**
     * Runs one measurement.
     *
     * @param args see the class documentation
     * @throws Exception if the measurement fails; the parent reports the child's standard error
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "migrate" -> migrate(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "compile" ->
                CompileTask.cold(Processing.valueOf(args[1]), Path.of(args[2]), args[3], args[4], args[5]);
            case "compile-warm" ->
                CompileTask.warm(
                        Path.of(args[1]),
                        args[2],
                        args[3],
                        Path.of(args[4]),
                        Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("Unknown child command " + Arrays.toString(args));
        }
        report("vmhwm_kb", peakResidentKilobytes());
    }

    /**
     * {@code once}: one timed run. {@code warm-noop}: one run, then RUNS timed runs on the migrated database.
     * {@code warm-all}: one run, then RUNS times an untimed reset and a timed run with everything pending.
     */
    private static void migrate(String contenderClass, String url, String mode, int runs) throws Exception {
        // An application has its logging up before it migrates; so does this one, for every contender alike.
        LoggerFactory.getILoggerFactory();
        long start = System.nanoTime();
        Contender contender = (Contender)
                Class.forName(contenderClass).getDeclaredConstructor().newInstance();
        contender.migrate(url);
        report("first_ns", System.nanoTime() - start);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs && !mode.equals("once"); i++) {
            if (mode.equals("warm-all")) {
                contender.reset(url);
            }
            long runStart = System.nanoTime();
            contender.migrate(url);
            times.add(System.nanoTime() - runStart);
        }
        report("runs_ns", times.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /**
     * Returns where the benchmark's classes were loaded from: the child's main class, the contenders, the loops and the
     * reference processor.
     *
     * @return the directory or jar
     */
    public static Path benchClasses() {
        try {
            return Path.of(ChildMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(String key, Object value) {
        System.out.println("BENCH " + key + "=" + value);
    }

    /** The peak resident set size of this JVM ({@code VmHWM}), or -1 where {@code /proc} does not exist. */
    private static long peakResidentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: no figure.
        }
        return -1;
    }
}
