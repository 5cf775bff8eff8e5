-- SQLite cannot add NOT NULL to an existing column: the table is rebuilt.
CREATE TABLE books_new (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    language VARCHAR(10) NOT NULL
);
INSERT INTO books_new (id, title, language) SELECT id, title, language FROM books;
DROP TABLE books;
ALTER TABLE books_new RENAME TO books;
