package dev.godwit.bench.child;

import dev.godwit.runtime.MigrationRunner;
import org.jdbi.v3.core.Jdbi;

/** Godwit as its README says to call it: the generated registry found through {@code ServiceLoader}. */
public final class GodwitContender implements Contender {

    @Override
    public void migrate(String url) {
        MigrationRunner.runAll(Jdbi.create(url)).throwIfFailed();
    }

    @Override
    public void reset(String url) throws Exception {
        Tables.drop(url, "godwit_migrations", Tables.DATA);
    }
}
