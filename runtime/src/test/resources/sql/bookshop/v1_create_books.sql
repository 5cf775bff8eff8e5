-- The catalog's books. Their language is backfilled by code (v2_backfill_language), then required (v3).
CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    language VARCHAR(10)
);

INSERT INTO books (id, title) VALUES (1, 'Moby-Dick; or, The Whale');
INSERT INTO books (id, title, language) VALUES (2, 'Der Process', 'de');
