package dev.godwit.bench.child;

import dev.godwit.runtime.MigrationRunner;

/**
 * Godwit as its README says to call it at start-up, {@code MigrationRunner.runAll(dataSource)}, with a {@code
 * DataSource} that opens each connection as the loops do ({@link DriverManagerDataSource}): the generated registry
 * found through {@code ServiceLoader}, JDBI started only if a migration that takes a {@code Handle} runs. Both Godwit
 * variants of the benchmark run this class; they differ only in the generated migrations on the child's class path
 * ({@code Connection} or {@code Handle} parameters).
 */
public final class GodwitContender implements Contender {

    @Override
    public void migrate(String url) {
        MigrationRunner.runAll(new DriverManagerDataSource(url)).throwIfFailed();
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, "godwit_migrations", Tables.DATA);
    }
}
