package com.example.bookshop.reviews;

import dev.godwit.Migration;
import dev.godwit.runtime.MigrationContext;
import org.jdbi.v3.core.Handle;

/**
 * The reviews feature's data migrations (its table comes from {@code db/migration/v3_create_reviews.sql}). These
 * are instance methods of a class that needs a service, the {@link RatingScale}, so it has no no-argument
 * constructor: the application supplies the instance through the runner's instance factory ({@code
 * BookshopApp.migrate}), as it would from Spring or Guice.
 */
public final class ReviewMigrations {

    private final RatingScale scale;

    /**
     * Creates the migrations.
     *
     * @param scale the scale ratings are shown on
     */
    public ReviewMigrations(RatingScale scale) {
        this.scale = scale;
    }

    /**
     * Ratings were once given out of ten; the shop now shows five stars. Needs the reviews table: if its creation
     * failed, this migration is held back until it succeeds.
     */
    @Migration(value = "v4_rescale_ratings", after = "v3_create_reviews")
    void rescaleRatings(Handle handle, MigrationContext context) {
        handle.execute("INSERT INTO reviews (book_id, rating, body) VALUES (1, 10, 'A classic.'), (3, 7, NULL)");
        int rescaled = handle.execute(
                "UPDATE reviews SET rating = " + scale.rescale("rating", 10) + " WHERE rating > " + scale.stars());
        context.progress(rescaled, rescaled);
        context.logger().info("Rescaled {} ratings to {} stars on {}", rescaled, scale.stars(), context.database());
    }
}
