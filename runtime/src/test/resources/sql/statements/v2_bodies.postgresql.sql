DO $$
BEGIN
    INSERT INTO notes VALUES (4, 'from a DO block; with a semicolon');
END
$$;

CREATE FUNCTION note_count() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM notes; -- counts; every note
    RETURN n;
END;
$fn$;

/* Nested /* comments */ are fine; here. */
INSERT INTO notes VALUES (5, E'escaped \'quote\'; and backslash \\');
INSERT INTO notes VALUES (6, 'counted: ' || note_count());
