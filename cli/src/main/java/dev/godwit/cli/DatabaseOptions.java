package dev.godwit.cli;

import picocli.CommandLine.Option;

/** The options of the commands that connect to the database. */
final class DatabaseOptions {

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = {
                "The database, as a JDBC URL or in the form hosting platforms give:",
                "  jdbc:postgresql://host:5432/app",
                "  jdbc:sqlite:app.db",
                "  postgresql://user:password@host:5432/app",
                "Default: $GODWIT_DATABASE_URL, then $DATABASE_URL."
            })
    String url;

    @Option(
            names = "--user",
            paramLabel = "USER",
            description = "The database user. Default: $GODWIT_DATABASE_USER, then the user in the URL.")
    String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            arity = "0..1",
            interactive = true,
            description = {
                "The password; asked for when given without a value. Default: $GODWIT_DATABASE_PASSWORD, then the"
                        + " password in the URL.",
                "Prefer the variable: other users of the machine can see a command line."
            })
    String password;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            description = "The tracking table, as table or schema.table. Default: godwit_migrations.")
    String table;

    @Option(
            names = "--sql-location",
            paramLabel = "PATH",
            description = "Where SQL migration files are on the class path. Default: db/migration.")
    String sqlLocation;
}
