package dev.godwit.bench.child;

import dev.godwit.bench.jdbc.JdbcLoop;
import dev.godwit.bench.jdbc.JdbcMigration;
import java.util.List;
import java.util.function.Supplier;

/** The hand-written loop, on the migration list that the benchmark generated ({@code bench.jdbc.AllMigrations}). */
public final class JdbcLoopContender implements Contender {

    @Override
    public void migrate(String url) throws Exception {
        // An application would name its list directly; the generated class is not known when this one is compiled.
        @SuppressWarnings("unchecked")
        Supplier<List<JdbcMigration>> list = (Supplier<List<JdbcMigration>>) Class.forName("bench.jdbc.AllMigrations")
                .getDeclaredConstructor()
                .newInstance();
        JdbcLoop.migrate(url, list.get());
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, JdbcLoop.TABLE, Tables.DATA);
    }
}
