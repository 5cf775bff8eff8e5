-- v2_create_authors: create the authors table
CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL);
INSERT INTO authors (id, name) VALUES (1, 'A. Wader');
