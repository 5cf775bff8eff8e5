-- The catalog's table. Schema changes are best written as SQL; the backfills that go with them as code
-- (see com.example.bookshop.catalog.CatalogMigrations), and both run in one sequence ordered by ID.
CREATE TABLE books (
  id BIGINT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  author VARCHAR(200) NOT NULL,
  language VARCHAR(8)
);
