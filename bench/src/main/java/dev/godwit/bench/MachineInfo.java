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
     * A warning for the top of the report if other work was running when the benchmark started (a load average of 1
     * or more over the last 1 or 5 minutes): on such a machine the figures are noise, not results.
     */
    Optional<String> busyWarning() {
        try {
            String[] fields = loadAtStart.split(", ");
            double highest = Math.max(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]));
            if (highest >= 1) {
                return Optional.of("**The machine was busy with other work when this run started (load"
                        + " average " + loadAtStart + " on " + cores + " cores): these figures are distorted by it."
                        + " Run the benchmark again on a quiet machine before relying on any of them.**");
            }
        } catch (RuntimeException e) {
            // No load average (not Linux): no warning either way.
        }
        return Optional.empty();
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
