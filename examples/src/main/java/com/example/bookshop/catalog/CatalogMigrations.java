package com.example.bookshop.catalog;

import dev.godwit.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;

/**
 * The catalog's data migrations, next to the catalog code; its schema is in SQL files under {@code db/migration}
 * ({@code v1_create_books.sql}, {@code v11_require_language.*.sql}), which run in the same ID order. The class and its
 * methods are package-private: the generated registry reaches them through a generated class in this package.
 */
final class CatalogMigrations {

    private CatalogMigrations() {}

    /** Imports the starter catalog; the import tool of the day did not detect languages. */
    @Migration("v2_import_starter_catalog")
    static void importStarterCatalog(Handle handle) {
        var insert = handle.prepareBatch("INSERT INTO books (id, title, author, language) VALUES (?, ?, ?, ?)");
        insert.add(1, "The Left Hand of Darkness", "Ursula K. Le Guin", null);
        insert.add(2, "Le Petit Prince", "Antoine de Saint-Exupéry", "fr");
        insert.add(3, "The Dispossessed", "Ursula K. Le Guin", null);
        insert.execute();
    }

    /**
     * Backfills {@code language} for books imported before language detection existed. Its ID sorts after
     * {@code v2_...}: IDs are ordered as versions, not as text. Written in plain JDBC: a method that takes a {@code
     * Connection} works on its transaction's connection, and the runner commits.
     */
    @Migration("v10_backfill_language")
    static void backfillLanguage(Connection connection) throws SQLException {
        try (Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE books SET language = 'en' WHERE language IS NULL");
        }
    }
}
