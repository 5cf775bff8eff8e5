package com.example.bookshop.reviews;

import dev.godwit.Migration;
import dev.godwit.runtime.MigrationContext;
import org.jdbi.v3.core.Handle;

/**
 * The reviews feature's migrations. These are instance methods: the runner creates one {@code ReviewMigrations}
 * with its no-argument constructor (or through the application's own factory, if it configures one).
 */
class ReviewMigrations {

    /** Creates the {@code reviews} table. */
    @Migration("v3_create_reviews")
    void createReviews(Handle handle) {
        handle.execute("""
                CREATE TABLE reviews (
                  book_id BIGINT NOT NULL REFERENCES books (id),
                  rating INTEGER NOT NULL,
                  body VARCHAR(2000)
                )""");
    }

    /** Ratings were once given out of ten; the shop now shows five stars. */
    @Migration("v4_rescale_ratings")
    void rescaleRatings(Handle handle, MigrationContext context) {
        handle.execute("INSERT INTO reviews (book_id, rating, body) VALUES (1, 10, 'A classic.'), (3, 7, NULL)");
        int rescaled = handle.execute("UPDATE reviews SET rating = (rating + 1) / 2 WHERE rating > 5");
        context.logger().info("Rescaled {} ratings on {}", rescaled, context.database());
    }
}
