package dev.godwit.bench.child;

import dev.godwit.bench.jdbc.JdbcLoop;
import dev.godwit.bench.jdbc.JdbiLoop;
import dev.godwit.bench.jdbc.JdbiMigration;
import java.util.List;

/** The JDBI loop, on the migration list that the benchmark generated ({@code bench.jdbi.AllMigrations}). */
public final class JdbiLoopContender implements Contender {

    @Override
    public void migrate(String url) throws Exception {
        List<JdbiMigration> migrations = Contender.generatedList("bench.jdbi.AllMigrations");
        JdbiLoop.migrate(url, migrations);
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, JdbcLoop.TABLE, Tables.DATA);
    }
}
