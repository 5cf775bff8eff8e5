package dev.godwit.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the {@code godwit} command as a user does: in a JVM of its own, with its own environment, reading its exit
 * code, standard output and standard error.
 */
final class CliProcess {

    /** Variables a developer's shell or CI may have set, which would change what the command connects to. */
    private static final List<String> CONNECTION_VARIABLES =
            List.of("GODWIT_DATABASE_URL", "DATABASE_URL", "GODWIT_DATABASE_USER", "GODWIT_DATABASE_PASSWORD");

    /** What a run printed and how it ended. */
    record Result(int exitCode, String out, String err) {

        /** Everything the command printed, to check that a secret appears nowhere. */
        String output() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final List<String> launcher;
    private final Map<String, String> environment;
    private final Path workingDirectory;

    private CliProcess(List<String> launcher, Map<String, String> environment, Path workingDirectory) {
        this.launcher = launcher;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /** {@code java -cp <the test class path> dev.godwit.cli.Godwit}: the main class with the application's classes. */
    static CliProcess onTestClassPath() {
        return new CliProcess(javaCommand("-cp", testClassPath(), Godwit.class.getName()), Map.of(), null);
    }

    /** {@code java -jar <jar>}: the self-contained jar, which sees the application only through --classpath. */
    static CliProcess jar(Path jar) {
        return new CliProcess(javaCommand("-jar", jar.toString()), Map.of(), null);
    }

    /** The same main class without the test classes on its class path: godwit with no application at all. */
    CliProcess withoutTestClasses() {
        return new CliProcess(
                javaCommand("-cp", classPathWithoutTestClasses(), Godwit.class.getName()),
                environment,
                workingDirectory);
    }

    /** The same command with these environment variables (and none of the connection variables of the caller). */
    CliProcess withEnvironment(Map<String, String> variables) {
        return new CliProcess(launcher, Map.copyOf(variables), workingDirectory);
    }

    /** The same command, run in this folder. */
    CliProcess in(Path folder) {
        return new CliProcess(launcher, environment, folder);
    }

    Result run(String... args) {
        return start(command(args));
    }

    /**
     * Runs the command on a pseudo-terminal made by util-linux's {@code script}, as a person at a terminal runs it;
     * {@code script}'s output is what the terminal would show, with {@code \r\n} line ends.
     */
    Result runOnTerminal(String... args) {
        String commandLine = command(args).stream().map(CliProcess::shellQuoted).collect(Collectors.joining(" "));
        return start(List.of("script", "--quiet", "--return", "--command", commandLine, "/dev/null"));
    }

    /** Whether {@link #runOnTerminal} can work here. */
    static boolean canRunOnTerminal() {
        return Files.isExecutable(Paths.get("/usr/bin/script"));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(Arrays.asList(args));
        return command;
    }

    private Result start(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        CONNECTION_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The class path of this test JVM: Surefire and Failsafe may start it through a manifest-only jar, and publish
     * the real one in a property.
     */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The folder of the test classes: the test application, with its registry and SQL files. */
    static Path testClasses() {
        try {
            return Paths.get(CliProcess.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test class path without the test classes: the CLI with no application at all. */
    static String classPathWithoutTestClasses() {
        Path testClasses = testClasses().toAbsolutePath().normalize();
        return Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !Paths.get(entry).toAbsolutePath().normalize().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived JVM: the first JIT tier and the serial collector start fastest.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                // Whatever the machine's locale: the tests read UTF-8, and a password with a non-ASCII letter must
                // not turn into '?' on its way out, which would hide it from the checks.
                "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8"));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Reads on a thread of its own: both pipes must be drained at once, or a full one blocks the process. */
    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static CompletableFuture<String> read(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
            }
        });
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
