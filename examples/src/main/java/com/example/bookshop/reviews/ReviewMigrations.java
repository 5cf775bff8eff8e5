package com.example.bookshop.reviews;

import dev.godwit.Migration;
import dev.godwit.runtime.MigrationContext;
import org.jdbi.v3.core.Handle;

/**
 * The reviews feature's data migrations (its table comes from {@code db/migration/v3_create_reviews.sql}). These
 * are instance methods: the runner creates one {@code ReviewMigrations}
 * with its no-argument constructor (or through the application's own factory, if it configures one).
 */
class ReviewMigrations {

    /** Ratings were once given out of ten; the shop now shows five stars. */
    @Migration("v4_rescale_ratings")
    void rescaleRatings(Handle handle, MigrationContext context) {
        handle.execute("INSERT INTO reviews (book_id, rating, body) VALUES (1, 10, 'A classic.'), (3, 7, NULL)");
        int rescaled = handle.execute("UPDATE reviews SET rating = (rating + 1) / 2 WHERE rating > 5");
        context.logger().info("Rescaled {} ratings on {}", rescaled, context.database());
    }
}
