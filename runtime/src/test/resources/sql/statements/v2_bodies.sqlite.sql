CREATE TABLE note_log (note_id INTEGER, kind TEXT);

CREATE TRIGGER note_logged AFTER INSERT ON notes
BEGIN
    INSERT INTO note_log VALUES (NEW.id, CASE WHEN NEW.id > 4 THEN 'late; one' ELSE 'early' END);
    UPDATE note_log SET kind = kind || ';' WHERE note_id = NEW.id;
END;

INSERT INTO notes VALUES (4, 'logged by a trigger; with a semicolon');
UPDATE notes SET [body; quoted] = [body; quoted] || '!' WHERE id = 4 ;
INSERT INTO notes VALUES (5, 'five');
