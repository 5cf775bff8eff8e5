-- Every book has a language now that v10 backfilled the old ones: make the column required.
ALTER TABLE books ALTER COLUMN language SET NOT NULL;
