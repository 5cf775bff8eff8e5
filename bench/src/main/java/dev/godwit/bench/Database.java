package dev.godwit.bench;

import java.util.Optional;

/** Where the measurements run: a fresh, empty database for each. */
interface Database extends AutoCloseable {

    DatabaseSetup setup();

    /** Creates an empty database and returns its JDBC URL. */
    String create() throws Exception;

    /** Deletes a database that {@link #create()} made. */
    void drop(String url) throws Exception;

    /** The server's version and the settings that matter, for the report. */
    String description();

    /** Counts statements and commits, where the database can. */
    Optional<StatementCounter> statementCounter();

    @Override
    void close() throws Exception;
}
