package dev.godwit.bench;

import dev.godwit.bench.child.ChildMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the fresh JVMs of the measurements, with the {@code java} that runs the benchmark, and reads what they
 * report. Their output goes to files of the work directory, so the parent does nothing while a child runs but wait.
 */
final class ChildLauncher {

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path logs;
    private int count;

    ChildLauncher(Path workDirectory) throws IOException {
        this.logs = Files.createDirectories(workDirectory.resolve("logs"));
    }

    /** What a child reported, and the wall time of its whole process as the parent saw it. */
    record Result(Map<String, String> values, long processNanos) {

        long nanos(String key) {
            return Long.parseLong(value(key));
        }

        List<Long> nanosList(String key) {
            List<Long> list = new ArrayList<>();
            for (String item : value(key).split(",")) {
                if (!item.isEmpty()) {
                    list.add(Long.parseLong(item));
                }
            }
            return list;
        }

        String value(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("The child did not report " + key + ": " + values);
            }
            return value;
        }
    }

    /**
     * Runs {@link ChildMain} with the arguments and waits for it.
     *
     * @throws IllegalStateException if it fails, with the end of its standard error
     */
    Result run(String label, String classPath, String... arguments) throws IOException, InterruptedException {
        int index = ++count;
        String name = String.format("%04d-%s", index, label.replaceAll("[^A-Za-z0-9]+", "-"));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                // sqlite-jdbc loads a native library; JDK 24+ warns unless native access is granted.
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classPath,
                ChildMain.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        int exit = process.waitFor();
        long processNanos = System.nanoTime() - start;
        if (exit != 0) {
            List<String> lines = Files.readAllLines(err);
            throw new IllegalStateException("The child JVM " + name + " failed (exit " + exit + "), command:\n"
                    + String.join(" ", command) + "\n...\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("BENCH ")) {
                int equals = line.indexOf('=');
                values.put(line.substring(6, equals), line.substring(equals + 1));
            }
        }
        return new Result(values, processNanos);
    }
}
