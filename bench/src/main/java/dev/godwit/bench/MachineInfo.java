package dev.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** What the report says about the machine: the figures mean little without it. */
final class MachineInfo {

    private final String date;
    private final int cores;
    private final String cpu;
    private final String memory;
    private final String os;
    private final String jdk;
    private final String loadAtStart;
    private final double busyAtStart;
    private String loadAtEnd = "?";

    private MachineInfo() {
        date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        cores = Runtime.getRuntime().availableProcessors();
        cpu = procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
        memory = procLine("/proc/meminfo", "MemTotal")
                .map(kb -> String.format("%.1f GiB RAM", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse("RAM unknown");
        os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        loadAtStart = loadAverage();
        busyAtStart = busyShare();
    }

    static MachineInfo capture() {
        return new MachineInfo();
    }

    /** Records the load at the end of the run. */
    void finish() {
        loadAtEnd = loadAverage();
    }

    /** One Markdown paragraph. */
    String describe() {
        return "Measured " + date + " on " + cores + " cores (" + cpu + "), " + memory + ", " + os + "; " + jdk
                + ". Load average (1, 5, 15 min) at the start: " + loadAtStart + "; at the end: " + loadAtEnd + ".";
    }

    /**
     * A warning for the top of the report if other work was running when the benchmark started: more than a quarter
     * of the machine's CPU time busy over two seconds, while the benchmark itself waits. Not the load average, which
     * still counts the build that the documented command runs just before (and any earlier run) for minutes after.
     */
    Optional<String> busyWarning() {
        if (busyAtStart > 0.25) {
            return Optional.of(String.format(
                    "**The machine was busy with other work when this run started (%.0f%% of its %d cores' time over"
                            + " two seconds): these figures are distorted by it. Run the benchmark again on a quiet"
                            + " machine before relying on any of them.**",
                    busyAtStart * 100, cores));
        }
        return Optional.empty();
    }

    /** The share of all cores' time spent busy over two seconds, from {@code /proc/stat}; 0 where it cannot tell. */
    private static double busyShare() {
        try {
            long[] before = cpuTimes();
            Thread.sleep(2_000);
            long[] after = cpuTimes();
            long total = after[0] - before[0];
            long idle = after[1] - before[1];
            return total <= 0 ? 0 : (double) (total - idle) / total;
        } catch (IOException | RuntimeException e) {
            // Not Linux: no warning either way.
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The total and the idle (idle and iowait) jiffies of all cores. */
    private static long[] cpuTimes() throws IOException {
        String[] fields =
                Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    String summary() {
        return cores + " cores, " + jdk;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(line -> line.startsWith(key))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
