-- Reviews of books; ratings were given out of ten at first (v4 rescales them to five stars).
CREATE TABLE reviews (
  book_id BIGINT NOT NULL REFERENCES books (id),
  rating INTEGER NOT NULL,
  body VARCHAR(2000)
);
