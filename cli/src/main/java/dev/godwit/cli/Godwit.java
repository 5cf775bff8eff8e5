package dev.godwit.cli;

import dev.godwit.cli.internal.ConnectionSettings;
import dev.godwit.cli.internal.DatabaseUrl;
import dev.godwit.cli.internal.ExitCodes;
import dev.godwit.cli.internal.Failures;
import dev.godwit.cli.internal.Logging;
import dev.godwit.cli.internal.RedactingOutputStream;
import dev.godwit.cli.internal.Redactor;
import dev.godwit.cli.internal.Terminal;
import dev.godwit.runtime.UnableToAcquireLockException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code godwit} command: runs and inspects the migrations of an application, and scaffolds new ones.
 *
 * <pre>
 * godwit migrate [--url URL] [--user USER] [--password[=PASSWORD]] [--table TABLE] [--sql-location PATH]
 *                [--classpath PATH]... [-v]
 * godwit status  [same options] [--format table|json]
 * godwit plan    [same options] [--format table|json]
 * godwit accept-checksums [same options] [ID...]
 * godwit new     [--dir DIR] [--java] [--style v1|001] [--id ID] [--classpath PATH]... DESCRIPTION...
 * </pre>
 *
 * Run it with the application on the class path ({@code java -cp app.jar:godwit-cli.jar dev.godwit.cli.Godwit
 * migrate}), or run the self-contained jar and name the application's jars with {@code --classpath}. The exit codes
 * are those of {@link ExitCodes}: 0 all done, 1 a migration failed, 2 a usage or configuration error, 3 the database
 * could not be reached or a lock wait timed out.
 */
@Command(
        name = "godwit",
        mixinStandardHelpOptions = true,
        versionProvider = Godwit.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Runs and inspects the database migrations of a Godwit application, and scaffolds new ones.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_HELP,
            ExitCodes.MIGRATION_FAILED_HELP,
            ExitCodes.USAGE_HELP,
            ExitCodes.DATABASE_UNAVAILABLE_HELP
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  GODWIT_DATABASE_URL, DATABASE_URL   the database URL, when --url is not given",
            "  GODWIT_DATABASE_USER                the user, when --user is not given",
            "  GODWIT_DATABASE_PASSWORD            the password, when --password is not given",
            "",
            "Run 'godwit COMMAND --help' for the options of a command."
        })
public final class Godwit implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // Read from the parse result rather than from this field, so that -v counts on any command of the line.
    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Show stack traces and the runner's log; twice (-vv) for its debug log.")
    private boolean[] verbose = new boolean[0];

    private Godwit() {}

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Redactor redactor = new Redactor();
        PrintStream out = RedactingOutputStream.wrap(System.out, redactor, encoding("stdout"));
        PrintStream err = RedactingOutputStream.wrap(System.err, redactor, encoding("stderr"));
        // Everything that writes to the standard streams, loggers and migrations included, goes through redaction.
        System.setOut(out);
        System.setErr(err);
        int exitCode = run(args, new CommandContext(out, err, System.getenv(), redactor, Terminal.isInteractive()));
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /**
     * Runs the command in this JVM, without exiting.
     *
     * @param args the command line
     * @param context where the command writes, and the environment; every password found in {@code args} and the
     *     environment is added to its secrets
     * @return the exit code
     */
    static int run(String[] args, CommandContext context) {
        collectSecrets(args, context.environment(), context.redactor());
        return commandLine(context).execute(args);
    }

    /** The command line with its commands, and the handlers that turn every outcome into one line and an exit code. */
    static CommandLine commandLine(CommandContext context) {
        CommandLine commandLine = new CommandLine(new Godwit())
                .addSubcommand(new MigrateCommand(context))
                .addSubcommand(new StatusCommand(context))
                .addSubcommand(new PlanCommand(context))
                .addSubcommand(new AcceptChecksumsCommand(context))
                .addSubcommand(new NewCommand(context))
                .addSubcommand(new CommandLine.HelpCommand());
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(parseResult -> {
            // Before any logger exists: the runner, the drivers and the migrations create theirs later.
            Logging.configure(verbosity(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            String suggestion = "";
            if (exception instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                suggestion = " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            context.err()
                    .println(context.redactor()
                            .redact("godwit: error: " + Failures.oneLine(exception.getMessage()) + "." + suggestion
                                    + " See '" + failed.getCommandSpec().qualifiedName() + " --help'."));
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (verbosity(parseResult) > 0) {
                exception.printStackTrace(context.err());
            }
            context.err().println(context.redactor().redact("godwit: error: " + Failures.describe(exception)));
            if (exception instanceof UnableToAcquireLockException) {
                // The runner's message names its Java option; the command line has its own.
                context.err()
                        .println("godwit: hint: to wait longer, give --lock-timeout (default " + LockOptions.DEFAULT
                                + ").");
            }
            return Failures.exitCode(exception);
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(), "Missing command: migrate, status, plan, accept-checksums or new");
    }

    /** Counts {@code -v} on every command of the line: {@code godwit -v migrate} and {@code godwit migrate -v}. */
    private static int verbosity(ParseResult parseResult) {
        int count = 0;
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                boolean[] flags = level.matchedOptionValue("--verbose", new boolean[0]);
                count += Math.max(1, flags.length);
            }
        }
        return count;
    }

    /**
     * Adds every password in the command line and the environment to the secrets before anything is parsed, so that
     * not even a usage error can echo one: the value of {@code --password}, and passwords in URLs.
     */
    private static void collectSecrets(String[] args, Map<String, String> environment, Redactor redactor) {
        for (int i = 0; i < args.length; i++) {
            DatabaseUrl.passwordsIn(args[i]).forEach(redactor::add);
            if (args[i].startsWith("--password=")) {
                redactor.add(args[i].substring("--password=".length()));
            } else if (args[i].equals("--password") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                redactor.add(args[i + 1]);
            }
        }
        redactor.add(environment.get(ConnectionSettings.PASSWORD_VARIABLE));
        for (String variable : List.of(ConnectionSettings.URL_VARIABLE, ConnectionSettings.FALLBACK_URL_VARIABLE)) {
            String url = environment.get(variable);
            if (url != null) {
                DatabaseUrl.passwordsIn(url).forEach(redactor::add);
            }
        }
    }

    /** The encoding of a standard stream: {@code stdout.encoding} from JDK 19, {@code sun.stdout.encoding} before. */
    private static Charset encoding(String stream) {
        for (String property : List.of(stream + ".encoding", "sun." + stream + ".encoding")) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** {@code godwit --version}: the version this jar was built as, and the Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Godwit.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "godwit " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
