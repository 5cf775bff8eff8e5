package dev.godwit.bench.child;

import dev.godwit.bench.jdbc.JdbcLoop;
import dev.godwit.bench.jdbc.JdbiLoop;
import dev.godwit.bench.jdbc.JdbiMigration;
import java.util.List;
import java.util.function.Supplier;

/** The JDBI loop, on the migration list that the benchmark generated ({@code bench.jdbi.AllMigrations}). */
public final class JdbiLoopContender implements Contender {

    @Override
    public void migrate(String url) throws Exception {
        // An application would name its list directly; the generated class is not known when this one is compiled.
        @SuppressWarnings("unchecked")
        Supplier<List<JdbiMigration>> list = (Supplier<List<JdbiMigration>>) Class.forName("bench.jdbi.AllMigrations")
                .getDeclaredConstructor()
                .newInstance();
        JdbiLoop.migrate(url, list.get());
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, JdbcLoop.TABLE, Tables.DATA);
    }
}
