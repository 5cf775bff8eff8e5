package dev.godwit.cli;

import dev.godwit.cli.internal.RedactingOutputStream;
import dev.godwit.cli.internal.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the command in the test JVM, for what needs no process of its own (parsing, {@code new}): the same code as
 * {@code main} from the arguments on, without {@code System.exit}.
 */
final class InProcessCli {

    private InProcessCli() {}

    static CliProcess.Result run(String... args) {
        return run(Map.of(), args);
    }

    static CliProcess.Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Redactor redactor = new Redactor();
        CommandContext context = new CommandContext(
                RedactingOutputStream.wrap(
                        new PrintStream(out, true, StandardCharsets.UTF_8), redactor, StandardCharsets.UTF_8),
                RedactingOutputStream.wrap(
                        new PrintStream(err, true, StandardCharsets.UTF_8), redactor, StandardCharsets.UTF_8),
                environment,
                redactor,
                false);
        int exitCode = Godwit.run(args, context);
        context.out().flush();
        context.err().flush();
        return new CliProcess.Result(
                exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the command with a context class loader that sees no registry: the test classes' own registry, which is on
     * this JVM's class path, stays out of what {@code new} numbers after, as if the command ran in an empty project.
     */
    static CliProcess.Result runWithoutApplication(String... args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(empty);
            return run(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
