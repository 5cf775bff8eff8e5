package dev.godwit.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** One empty database of a test, with queries for what the tests check. */
final class TestDatabase {

    private final DatabaseKind kind;
    private final String url;
    private final Jdbi jdbi;

    TestDatabase(DatabaseKind kind, String url) {
        this.kind = kind;
        this.url = url;
        this.jdbi = Jdbi.create(url);
        execute("CREATE TABLE events (name VARCHAR(255) NOT NULL)");
    }

    DatabaseKind kind() {
        return kind;
    }

    /** The JDBC URL, for runners in other processes. */
    String url() {
        return url;
    }

    /** The {@code Jdbi} tests give the runner; every {@code open()} is a new connection. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** A {@code Jdbi} of its own, for tests that configure it or run several runners. */
    Jdbi newJdbi() {
        return Jdbi.create(url);
    }

    /** A plain JDBC connection beside the runner's. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    void execute(String sql) {
        jdbi.useHandle(handle -> handle.execute(sql));
    }

    long count(String sql) {
        return jdbi.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** The names in the {@code events} table, which test migrations write to; sorted. */
    List<String> events() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM events ORDER BY name")
                .mapTo(String.class)
                .list());
    }

    /** The {@code status} of every row of a tracking table, by ID. */
    Map<String, String> statuses(String table) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT id, status FROM " + table + " ORDER BY id")
                .map((resultSet, context) -> statuses.put(resultSet.getString("id"), resultSet.getString("status")))
                .list());
        return statuses;
    }

    Map<String, String> statuses() {
        return statuses("godwit_migrations");
    }

    Optional<String> error(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT error FROM godwit_migrations WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
    }

    boolean tableExists(String name) {
        return switch (kind) {
            case POSTGRESQL ->
                jdbi.withHandle(handle -> handle.createQuery("SELECT to_regclass(:name) IS NOT NULL")
                        .bind("name", name)
                        .mapTo(Boolean.class)
                        .one());
            case SQLITE ->
                count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'") > 0;
        };
    }

    @Override
    public String toString() {
        return kind + " " + url;
    }
}
