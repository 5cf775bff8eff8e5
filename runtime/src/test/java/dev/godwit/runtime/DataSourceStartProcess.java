package dev.godwit.runtime;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A start through a {@code DataSource} in a JVM of its own, for {@link NoOpStartTest}: runs 20 event migrations on
 * the database at {@code args[0]} and prints {@code RESULT <applied> <already applied>}. The migrations write through
 * a JDBI {@code Handle}; with {@code args[1]} {@code connection}, through their JDBC connection; with {@code args[1]}
 * {@code sql}, they are SQL files in {@code db/migration} of the class path folder {@code args[2]}.
 */
public final class DataSourceStartProcess {

    private DataSourceStartProcess() {}

    public static void main(String[] args) throws MalformedURLException {
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
        String bodies = args.length > 1 ? args[1] : "handle";
        TestRegistry registry = new TestRegistry();
        MigrationRunner.Builder builder = MigrationRunner.builder(dataSource);
        if (bodies.equals("sql")) {
            builder.classLoader(new URLClassLoader(
                    new URL[] {Path.of(args[2]).toUri().toURL()}, DataSourceStartProcess.class.getClassLoader()));
        } else {
            for (int i = 1; i <= 20; i++) {
                if (bodies.equals("connection")) {
                    registry.jdbcEvent("v" + i);
                } else {
                    registry.event("v" + i);
                }
            }
        }
        MigrationReport report = builder.registries(registry).build().runAll();
        System.out.println("RESULT " + report.applied().size() + " "
                + report.alreadyApplied().size());
    }
}
