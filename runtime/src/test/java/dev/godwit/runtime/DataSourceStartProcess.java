package dev.godwit.runtime;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A start through a {@code DataSource} in a JVM of its own, for {@link NoOpStartTest}: runs 20 event migrations on
 * the database at {@code args[0]} and prints {@code RESULT <applied> <already applied>}.
 */
public final class DataSourceStartProcess {

    private DataSourceStartProcess() {}

    public static void main(String[] args) {
        String url = args[0];
        DataSource dataSource;
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(url);
            dataSource = sqlite;
        } else {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            dataSource = postgres;
        }
        TestRegistry registry = new TestRegistry();
        for (int i = 1; i <= 20; i++) {
            registry.event("v" + i);
        }
        MigrationReport report =
                MigrationRunner.builder(dataSource).registries(registry).build().runAll();
        System.out.println("RESULT " + report.applied().size() + " "
                + report.alreadyApplied().size());
    }
}
