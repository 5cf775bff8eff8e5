-- Every book has a language now that v10 backfilled the old ones. SQLite cannot add NOT NULL to an existing
-- column, so triggers enforce it instead: a variant file per database, picked for the one connected.
CREATE TRIGGER books_language_required_on_insert
BEFORE INSERT ON books
WHEN NEW.language IS NULL
BEGIN
  SELECT RAISE(ABORT, 'books.language is required');
END;

CREATE TRIGGER books_language_required_on_update
BEFORE UPDATE OF language ON books
WHEN NEW.language IS NULL
BEGIN
  SELECT RAISE(ABORT, 'books.language is required');
END;
