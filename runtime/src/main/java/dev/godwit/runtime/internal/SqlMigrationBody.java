package dev.godwit.runtime.internal;

import dev.godwit.runtime.SqlStatementException;
import dev.godwit.runtime.internal.sql.SqlFile;
import dev.godwit.runtime.internal.sql.SqlSplitter;
import dev.godwit.runtime.internal.sql.SqlStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a SQL file's statements one by one on the migration's connection, in its transaction. Through plain JDBC, not
 * JDBI: the file is the database's SQL as written, where JDBI would take {@code :name} and {@code ?} for its own
 * parameters (and PostgreSQL's JSON operators {@code ?}, {@code ?|} are no parameters).
 */
final class SqlMigrationBody implements MigrationBody {

    private final SqlFile file;

    SqlMigrationBody(SqlFile file) {
        this.file = file;
    }

    @Override
    public void run(RunningMigrationContext context, Instances instances) throws SQLException {
        List<SqlStatement> statements = SqlSplitter.split(file.text(), context.database());
        for (SqlStatement statement : statements) {
            if (statement.transactionControl()) {
                // A COMMIT would commit the migration's transaction half-way and its record apart from its work.
                throw new SqlStatementException(
                        file.resource(),
                        statement.number(),
                        statement.line(),
                        describe(statement) + " controls the transaction (" + statement.excerpt()
                                + "). Godwit runs the whole file in one transaction of its own, with its tracking"
                                + " row: remove BEGIN, COMMIT, END and ROLLBACK from the file. Nothing of it ran.",
                        null);
            }
        }
        try (Statement jdbc = context.connection().createStatement()) {
            // The file's text goes to the database unchanged: no JDBC escape syntax ({fn ...}) is rewritten.
            jdbc.setEscapeProcessing(false);
            for (SqlStatement statement : statements) {
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw new SqlStatementException(
                            file.resource(),
                            statement.number(),
                            statement.line(),
                            describe(statement) + " failed (" + statement.excerpt() + "): " + e.getMessage(),
                            e);
                }
            }
        }
    }

    private String describe(SqlStatement statement) {
        return "Statement " + statement.number() + " of " + file.resource() + ", at line " + statement.line() + ",";
    }
}
