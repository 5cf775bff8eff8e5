package dev.godwit.cli.internal;

/** The exit codes of the {@code godwit} command, and their one-line descriptions for {@code --help}. */
public final class ExitCodes {

    /** Everything asked for was done. */
    public static final int OK = 0;

    /** One or more migrations failed; they are recorded as failed and run again on the next {@code migrate}. */
    public static final int MIGRATION_FAILED = 1;

    /** The command line or the configuration is wrong: nothing was done. */
    public static final int USAGE = 2;

    /** The database could not be reached, or a lock wait timed out: worth retrying. */
    public static final int DATABASE_UNAVAILABLE = 3;

    /** {@code --help}'s line for {@link #OK}, in picocli's {@code code:description} form. */
    public static final String OK_HELP = "0:All done.";

    /** {@code --help}'s line for {@link #MIGRATION_FAILED}. */
    public static final String MIGRATION_FAILED_HELP =
            "1:One or more migrations failed (recorded as failed; they run again on the next migrate).";

    /** {@code --help}'s line for {@link #USAGE}. */
    public static final String USAGE_HELP = "2:Usage or configuration error; nothing was done.";

    /** {@code --help}'s line for {@link #DATABASE_UNAVAILABLE}. */
    public static final String DATABASE_UNAVAILABLE_HELP =
            "3:The database could not be reached, or a lock wait timed out; worth retrying.";

    private ExitCodes() {}
}
