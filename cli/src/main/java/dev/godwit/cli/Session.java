package dev.godwit.cli;

import dev.godwit.cli.internal.ApplicationClassPath;
import dev.godwit.cli.internal.ConnectionSettings;
import dev.godwit.cli.internal.Database;
import dev.godwit.cli.internal.DatabaseUrl;
import dev.godwit.runtime.MigrationRunner;

/**
 * The application and the database of one command: the application's class loader (installed as the thread's
 * context class loader while the command runs, for migrations and libraries that look there) and a runner builder
 * with the command's options.
 */
final class Session implements AutoCloseable {

    private final ApplicationClassPath classPath;
    private final ClassLoader classLoader;
    private final ClassLoader previousContextClassLoader;
    private final MigrationRunner.Builder runner;

    private Session(
            ApplicationClassPath classPath,
            ClassLoader classLoader,
            ClassLoader previousContextClassLoader,
            MigrationRunner.Builder runner) {
        this.classPath = classPath;
        this.classLoader = classLoader;
        this.previousContextClassLoader = previousContextClassLoader;
        this.runner = runner;
    }

    /**
     * Opens the application's class path, checks every option, and connects once, in that order, so that a mistake
     * on the command line is reported before the database is tried.
     *
     * @param context the command's context; the password is added to its secrets
     * @param database the connection options
     * @param application the class path options
     * @param create whether a missing SQLite database may be created
     * @return the session
     * @throws dev.godwit.cli.internal.CliException for a usage error or a database that cannot be reached
     * @throws dev.godwit.runtime.InvalidConfigurationException for a malformed tracking table name
     */
    static Session open(
            CommandContext context, DatabaseOptions database, ApplicationOptions application, boolean create) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ApplicationClassPath classPath = application.classPath.isEmpty()
                ? null
                : ApplicationClassPath.open(application.classPath, Godwit.class.getClassLoader());
        try {
            ConnectionSettings settings =
                    ConnectionSettings.resolve(database.url, database.user, database.password, context.environment());
            context.redactor().add(settings.password());
            DatabaseUrl.passwordsIn(settings.url().jdbcUrl()).forEach(context.redactor()::add);
            MigrationRunner.Builder runner = MigrationRunner.builder(Database.dataSource(settings, create));
            if (database.table != null) {
                runner.table(database.table);
            }
            if (database.sqlLocation != null) {
                runner.sqlLocation(database.sqlLocation);
            }
            ClassLoader classLoader = classPath != null ? classPath.classLoader() : applicationClassLoader(previous);
            runner.classLoader(classLoader);
            Database.check(settings, create);
            Thread.currentThread().setContextClassLoader(classLoader);
            return new Session(classPath, classLoader, previous, runner);
        } catch (RuntimeException e) {
            if (classPath != null) {
                classPath.close();
            }
            throw e;
        }
    }

    /**
     * Returns the class loader that holds the application: the {@code --classpath} one, or the one godwit runs in.
     *
     * @param contextClassLoader the thread's context class loader
     * @return the class loader
     */
    static ClassLoader applicationClassLoader(ClassLoader contextClassLoader) {
        return contextClassLoader != null ? contextClassLoader : Godwit.class.getClassLoader();
    }

    /**
     * Returns the application's class loader.
     *
     * @return the class loader
     */
    ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Returns a builder with the command's options, connected to the database and the application.
     *
     * @return the builder; each call returns the same one
     */
    MigrationRunner.Builder runner() {
        return runner;
    }

    @Override
    public void close() {
        Thread.currentThread().setContextClassLoader(previousContextClassLoader);
        if (classPath != null) {
            classPath.close();
        }
    }
}
