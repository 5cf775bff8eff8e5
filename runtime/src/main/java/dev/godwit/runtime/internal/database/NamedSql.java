package dev.godwit.runtime.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the runner's own statements, written with named parameters ({@code :id}) and run through plain JDBC.
 *
 * <p>The runner's statements do not go through JDBI: its first statement loads and initializes several hundred
 * classes (SQL parser, argument and mapper factories, statement context), about 0.3 s of a cold start, which a start
 * with nothing pending would pay for a catalog query and one {@code SELECT}. JDBI is used only to begin and commit a
 * migration's transaction and to hand its body a {@code Handle}, when a migration runs. The names keep the statements
 * readable; they are turned into JDBC's positional {@code ?} once, when the statement is built.
 *
 * <p>A name is a colon followed by a Java identifier, outside string literals and quoted identifiers; PostgreSQL's
 * {@code ::} cast is left alone. Comments, dollar quotes and escape strings are not recognized: these are the runner's
 * own statements, whose only variable text is a checked table name, not user SQL.
 */
public final class NamedSql {

    private final String jdbc;
    private final List<String> names;

    private NamedSql(String jdbc, List<String> names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /**
     * Parses a statement.
     *
     * @param sql the statement with named parameters
     * @return the statement
     */
    public static NamedSql of(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? length : end + 1;
                jdbc.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 2;
                while (end < length && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end;
            } else {
                jdbc.append(c);
                i++;
            }
        }
        return new NamedSql(jdbc.toString(), List.copyOf(names));
    }

    /**
     * Returns the statement as JDBC runs it, with {@code ?} for each name.
     *
     * @return the SQL
     */
    public String jdbc() {
        return jdbc;
    }

    /**
     * Prepares the statement and binds every name: a {@code null} binds SQL {@code NULL}.
     *
     * @param connection the connection
     * @param values the value of each name
     * @return the statement, to be closed by the caller
     * @throws SQLException if the driver refuses the statement or a value
     * @throws IllegalArgumentException if a name has no value
     */
    public PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        try {
            for (int index = 0; index < names.size(); index++) {
                String name = names.get(index);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + jdbc);
                }
                Object value = values.get(name);
                if (value == null) {
                    statement.setNull(index + 1, Types.VARCHAR);
                } else {
                    statement.setObject(index + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            try {
                statement.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Runs an update.
     *
     * @param connection the connection
     * @param values the value of each name
     * @return the number of rows changed
     * @throws SQLException if the statement fails
     */
    public int update(Connection connection, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, values)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs a query and maps every row.
     *
     * @param connection the connection
     * @param values the value of each name
     * @param mapper reads the current row
     * @param <T> the type of a row
     * @return the rows, in the order the database returned them
     * @throws SQLException if the query or the mapper fails
     */
    public <T> List<T> query(Connection connection, Map<String, ?> values, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = prepare(connection, values);
                ResultSet resultSet = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (resultSet.next()) {
                rows.add(mapper.map(resultSet));
            }
            return rows;
        }
    }

    /**
     * Reads one row of a result set.
     *
     * @param <T> the type of a row
     */
    @FunctionalInterface
    public interface RowMapper<T> {
        /**
         * Reads the current row.
         *
         * @param resultSet the result set, on a row
         * @return the row
         * @throws SQLException if the driver cannot read it
         */
        T map(ResultSet resultSet) throws SQLException;
    }

    @Override
    public String toString() {
        return jdbc;
    }
}
