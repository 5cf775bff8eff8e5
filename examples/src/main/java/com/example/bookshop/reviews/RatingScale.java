package com.example.bookshop.reviews;

/**
 * How the shop shows ratings: a service of the application that the review migrations need, handed to them through
 * the runner's instance factory ({@code MigrationRunner.Builder#instances}).
 */
public final class RatingScale {

    /** Five stars, as the shop shows ratings now. */
    public static final RatingScale FIVE_STARS = new RatingScale(5);

    private final int stars;

    /**
     * Creates a scale.
     *
     * @param stars the highest rating
     */
    public RatingScale(int stars) {
        this.stars = stars;
    }

    /**
     * Returns the highest rating.
     *
     * @return the number of stars
     */
    public int stars() {
        return stars;
    }

    /**
     * Returns the SQL expression that converts a rating out of {@code max} in the column {@code column} to this
     * scale, rounding half up.
     *
     * @param column the column that holds the rating
     * @param max the highest rating of the old scale
     * @return the expression, in integer arithmetic
     */
    String rescale(String column, int max) {
        return "(" + column + " * " + stars + " + " + (max / 2) + ") / " + max;
    }
}
