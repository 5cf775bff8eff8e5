package dev.godwit.runtime;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A hand-written registry, as the annotation processor would generate one, except that the order of its list is
 * whatever the test gives. Remembers which migrations it was asked to run.
 */
class TestRegistry implements MigrationRegistry {

    /** A migration body. */
    @FunctionalInterface
    interface Body {
        void run(MigrationInvocation invocation) throws Exception;
    }

    private final String name;
    private final List<MigrationDefinition> definitions = new ArrayList<>();
    private final List<Body> bodies = new ArrayList<>();
    private final List<String> runs = new CopyOnWriteArrayList<>();

    /** @param name the class the migrations seem to be declared in, for their sources */
    TestRegistry(String name) {
        this.name = name;
    }

    TestRegistry() {
        this("com.example.Migrations");
    }

    TestRegistry add(String id, Body body) {
        return add(id, null, body);
    }

    /** Adds a migration with the checksum the annotation processor would have computed for it. */
    TestRegistry add(String id, String checksum, Body body) {
        definitions.add(MigrationDefinition.code(id, source(id), checksum));
        bodies.add(body);
        return this;
    }

    /** Adds a migration that runs outside any transaction ({@code @Migration(transactional = false)}). */
    TestRegistry nonTransactional(String id, Body body) {
        definitions.add(MigrationDefinition.code(id, source(id)).withTransactional(false));
        bodies.add(body);
        return this;
    }

    /** Changes the definition of the migration added last, as generated code sets {@code @Migration} attributes. */
    TestRegistry with(UnaryOperator<MigrationDefinition> change) {
        int last = definitions.size() - 1;
        definitions.set(last, change.apply(definitions.get(last)));
        return this;
    }

    /** Adds a migration that writes its ID to the {@code events} table, with a checksum. */
    TestRegistry event(String id, String checksum) {
        return add(id, checksum, invocation -> insertEvent(invocation, id));
    }

    /** Adds a migration that writes its ID to the {@code events} table. */
    TestRegistry event(String id) {
        return add(id, invocation -> insertEvent(invocation, id));
    }

    /** Adds a migration that writes its ID to the {@code events} table, then throws. */
    TestRegistry failing(String id, String message) {
        return add(id, invocation -> {
            insertEvent(invocation, id);
            throw new IllegalStateException(message, new IllegalArgumentException("the cause of " + id));
        });
    }

    /** Adds a migration that writes its ID to the {@code events} table through its JDBC connection, not JDBI. */
    TestRegistry jdbcEvent(String id) {
        return add(id, invocation -> insertEventThroughJdbc(invocation, id));
    }

    static void insertEventThroughJdbc(MigrationInvocation invocation, String name) throws SQLException {
        try (PreparedStatement insert =
                invocation.connection().prepareStatement("INSERT INTO events (name) VALUES (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
    }

    static void insertEvent(MigrationInvocation invocation, String name) {
        invocation.handle().execute("INSERT INTO events (name) VALUES (?)", name);
    }

    String source(String id) {
        return name + "#" + id;
    }

    /** The IDs of the migrations run, in the order they were run. */
    List<String> runs() {
        return runs;
    }

    @Override
    public List<MigrationDefinition> migrations() {
        return List.copyOf(definitions);
    }

    @Override
    public void run(int index, MigrationInvocation invocation) throws Exception {
        runs.add(definitions.get(index).id());
        bodies.get(index).run(invocation);
    }
}
