package dev.godwit.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link DataSource} of real connections to a test database that records what is sent through JDBC: the SQL of every
 * statement executed (or refused when prepared, as SQLite refuses a query of a missing table), by the runner's plain
 * JDBC and by JDBI alike, and every transaction begun ({@code setAutoCommit(false)}). It changes nothing on the way,
 * unless made {@link #withoutUnwrapping}.
 */
final class StatementRecorder implements DataSource {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    final List<String> statements = new CopyOnWriteArrayList<>();
    final AtomicInteger transactions = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    private final String url;

    private final boolean unwraps;
    private volatile Consumer<String> beforePrepare = sql -> {};

    StatementRecorder(TestDatabase database) {
        this(database, true);
    }

    private StatementRecorder(TestDatabase database, boolean unwraps) {
        this.url = database.url();
        this.unwraps = unwraps;
    }

    /**
     * A recorder whose connections unwrap to nothing, as a pool or proxy that hides its driver's connection: {@code
     * isWrapperFor} answers {@code false}, {@code unwrap} throws.
     */
    static StatementRecorder withoutUnwrapping(TestDatabase database) {
        return new StatementRecorder(database, false);
    }

    /**
     * Runs {@code hook} with the SQL of every statement this data source prepares, before it reaches the driver: for
     * a test to change the database, as another runner would, at a chosen point of a run.
     */
    StatementRecorder beforePrepare(Consumer<String> hook) {
        beforePrepare = hook;
        return this;
    }

    /** A {@code Jdbi} on this data source. */
    Jdbi jdbi() {
        return Jdbi.create(this);
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        Connection connection = DriverManager.getConnection(url);
        return proxy(Connection.class, connection, (method, args) -> {
            if (!unwraps && method.getName().equals("isWrapperFor")) {
                return false;
            }
            if (!unwraps && method.getName().equals("unwrap")) {
                throw new SQLException("Does not unwrap");
            }
            if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                transactions.incrementAndGet();
            }
            if (method.getName().equals("prepareStatement")) {
                beforePrepare.accept((String) args[0]);
            }
            Object result;
            try {
                result = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                // SQLite compiles a statement when it is prepared: one that fails there was sent all the same.
                if (method.getName().equals("prepareStatement")) {
                    statements.add((String) args[0]);
                }
                throw e;
            }
            if (method.getName().equals("prepareStatement")) {
                String sql = (String) args[0];
                return proxy(PreparedStatement.class, result, (inner, innerArgs) -> {
                    if (EXECUTE.contains(inner.getName()) && (innerArgs == null || innerArgs.length == 0)) {
                        statements.add(sql);
                    }
                    return inner.invoke(result, innerArgs);
                });
            }
            if (method.getName().equals("createStatement")) {
                return proxy(Statement.class, result, (inner, innerArgs) -> {
                    if (EXECUTE.contains(inner.getName()) && innerArgs != null && innerArgs.length > 0) {
                        statements.add((String) innerArgs[0]);
                    }
                    return inner.invoke(result, innerArgs);
                });
            }
            return result;
        });
    }

    /** Forwards every call to {@code target}, through {@code handler}, unwrapping the reflection's exception. */
    private static <T> T proxy(Class<T> type, Object target, Call handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            try {
                return handler.call(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(
                Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    @FunctionalInterface
    private interface Call {
        Object call(Method method, Object[] args) throws Exception;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLException("Not used by the tests");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
