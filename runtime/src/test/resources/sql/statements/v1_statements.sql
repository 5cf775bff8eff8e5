-- Statements as real files have them.
/* A block comment; with a semicolon. */
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    "body; quoted" VARCHAR(200) -- a trailing comment; with a semicolon
);

INSERT INTO notes VALUES (1, 'a; b');
INSERT INTO notes VALUES (2, 'it''s -- not a comment');
INSERT INTO notes VALUES (3, '/* nor this */');;
;
-- The end; nothing follows.
