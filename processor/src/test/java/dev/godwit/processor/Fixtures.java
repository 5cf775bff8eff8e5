package dev.godwit.processor;

import static dev.godwit.processor.Compilations.source;

import javax.tools.JavaFileObject;

/** Sources of a small application with migrations, shared by the tests of what the processor generates. */
final class Fixtures {

    private Fixtures() {}

    /** A package-private class with a static and an instance migration, each with a doc comment; one has prerequisites. */
    static JavaFileObject catalogMigrations() {
        return source(
                "com.example.catalog.CatalogMigrations",
                "package com.example.catalog;",
                "",
                "import dev.godwit.Migration;",
                "import dev.godwit.runtime.MigrationContext;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "/** The catalog's migrations, beside its code. */",
                "final class CatalogMigrations {",
                "    /** Backfills {@code language} for books imported before language detection existed. */",
                "    @Migration(\"v1_backfill_language\")",
                "    static void backfillLanguage(Handle handle) {",
                "        handle.execute(\"INSERT INTO calls (migration) VALUES ('v1_backfill_language')\");",
                "    }",
                "",
                "    /**",
                "     * Rebuilds the title index:",
                "     *",
                "     * <pre>",
                "     *   CREATE INDEX books_title ON books (title)",
                "     * </pre>",
                "     *",
                "     * @param handle the migration's transaction",
                "     * @param context the running migration",
                "     */",
                "    @Migration(value = \"v10_reindex_titles\", after = \"v1_backfill_language\")",
                "    void reindexTitles(Handle handle, MigrationContext context) {",
                "        handle.execute(\"INSERT INTO calls (migration) VALUES (?)\", context.migrationId());",
                "    }",
                "}");
    }

    /** A package-private class in another package, with an interval migration in a static nested class. */
    static JavaFileObject billingMigrations() {
        return source(
                "com.example.billing.BillingMigrations",
                "package com.example.billing;",
                "",
                "import dev.godwit.Migration;",
                "import dev.godwit.runtime.MigrationContext;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class BillingMigrations {",
                "    @Migration(\"v2_create_invoices\")",
                "    static void createInvoices(Handle handle) {",
                "        handle.execute(\"INSERT INTO calls (migration) VALUES ('v2_create_invoices')\");",
                "    }",
                "",
                "    static class Currencies {",
                "        @Migration(value = \"v2.1_seed_currencies\", runUntil = \"2999-01-01T00:00:00Z\")",
                "        void seed(MigrationContext context) {",
                "            context.handle().execute(\"INSERT INTO calls (migration) VALUES (?)\", context.migrationId());",
                "        }",
                "    }",
                "}");
    }
}
