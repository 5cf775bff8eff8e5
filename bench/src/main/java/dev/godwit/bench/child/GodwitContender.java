package dev.godwit.bench.child;

import dev.godwit.runtime.MigrationRunner;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Godwit as its README says to call it at start-up, {@code MigrationRunner.runAll(dataSource)} with the driver's own
 * {@code DataSource}: the generated registry found through {@code ServiceLoader}, JDBI started only if a migration that
 * takes a {@code Handle} runs. Both Godwit variants of the benchmark run this class; they differ only in the generated
 * migrations on the child's class path ({@code Connection} or {@code Handle} parameters).
 */
public final class GodwitContender implements Contender {

    @Override
    public void migrate(String url) {
        MigrationRunner.runAll(dataSource(url)).throwIfFailed();
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, "godwit_migrations", Tables.DATA);
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(url);
            return sqlite;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        return postgres;
    }
}
