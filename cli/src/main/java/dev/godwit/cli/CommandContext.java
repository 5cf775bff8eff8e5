package dev.godwit.cli;

import dev.godwit.cli.internal.Redactor;
import java.io.PrintStream;
import java.util.Map;

/**
 * What every command shares: where it writes, the environment it reads, and the secrets kept out of its output.
 *
 * @param out standard output: results
 * @param err standard error: errors, warnings and logs
 * @param environment the environment variables
 * @param redactor the passwords seen so far
 * @param interactive whether a person at a terminal reads {@code out}
 */
record CommandContext(
        PrintStream out, PrintStream err, Map<String, String> environment, Redactor redactor, boolean interactive) {}
