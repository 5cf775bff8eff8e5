package dev.godwit.bench.child;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway with its defaults: Java migrations found by scanning {@code classpath:db/migration}, as Flyway's users have
 * them.
 */
public final class FlywayContender implements Contender {

    @Override
    public void migrate(String url) {
        // The URLs carry the user (PostgreSQL) or need none (SQLite).
        MigrateResult result =
                Flyway.configure().dataSource(url, null, null).load().migrate();
        if (!result.success) {
            throw new IllegalStateException("Flyway failed: " + result.exceptionObject);
        }
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, "flyway_schema_history", Tables.DATA);
    }
}
