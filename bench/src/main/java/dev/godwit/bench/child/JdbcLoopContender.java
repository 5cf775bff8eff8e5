package dev.godwit.bench.child;

import dev.godwit.bench.jdbc.JdbcLoop;
import dev.godwit.bench.jdbc.JdbcMigration;
import java.util.List;

/** The hand-written loop, on the migration list that the benchmark generated ({@code bench.jdbc.AllMigrations}). */
public final class JdbcLoopContender implements Contender {

    @Override
    public void migrate(String url) throws Exception {
        List<JdbcMigration> migrations = Contender.generatedList("bench.jdbc.AllMigrations");
        JdbcLoop.migrate(url, migrations);
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, JdbcLoop.TABLE, Tables.DATA);
    }
}
