package dev.godwit.cli.internal;

import dev.godwit.MigrationIds;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ID of the next migration: the highest existing ID in {@linkplain MigrationIds#ORDER natural order}, with its
 * first number one higher, and a slug of the description.
 *
 * <ul>
 *   <li>The prefix before the first number and the number's width are kept: after {@code v7_add_books} comes
 *       {@code v8_<slug>}, after {@code 009_init} {@code 010_<slug>}; a zero-padded number grows when it must
 *       ({@code 999} is followed by {@code 1000}).
 *   <li>Without any migration, the first ID is {@code v1_<slug>}, or {@code 001_<slug>} in the {@link Style#PADDED}
 *       style.
 * </ul>
 */
public final class MigrationNumbering {

    /** How the first migration of a project is numbered. */
    public enum Style {
        /** {@code v1_<slug>}, {@code v2_<slug>}, ... */
        V1("v1"),
        /** {@code 001_<slug>}, {@code 002_<slug>}, ... */
        PADDED("001");

        private final String first;

        Style(String first) {
            this.first = first;
        }

        /**
         * Returns the style's first number, as written on the command line.
         *
         * @return {@code v1} or {@code 001}
         */
        public String first() {
            return first;
        }

        /**
         * Returns the style whose {@link #first()} is {@code text}.
         *
         * @param text {@code v1} or {@code 001}
         * @return the style
         * @throws IllegalArgumentException for any other text
         */
        public static Style of(String text) {
            for (Style style : values()) {
                if (style.first.equalsIgnoreCase(text)) {
                    return style;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a numbering style: use v1 or 001");
        }

        @Override
        public String toString() {
            return first;
        }
    }

    private static final Pattern FIRST_NUMBER = Pattern.compile("^(?<prefix>[^0-9]*)(?<number>[0-9]+)");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private MigrationNumbering() {}

    /**
     * Turns a description into the word part of an ID: accents dropped, lower case, every run of other characters
     * than ASCII letters and digits one {@code _}, none at either end. {@code "Add user roles!"} becomes
     * {@code add_user_roles}.
     *
     * @param description the description
     * @return the slug, possibly empty
     */
    public static String slug(String description) {
        String ascii = Normalizer.normalize(description, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("_");
        int start = slug.startsWith("_") ? 1 : 0;
        int end = slug.endsWith("_") && slug.length() > start ? slug.length() - 1 : slug.length();
        return slug.substring(start, Math.max(start, end));
    }

    /**
     * Returns the ID that follows the highest of {@code existing}.
     *
     * @param existing every ID the project has
     * @param slug the new migration's {@linkplain #slug slug}; not empty
     * @param firstStyle the numbering of the first ID, used only when {@code existing} is empty
     * @return the new ID, at most {@link MigrationIds#MAX_LENGTH} characters
     * @throws CliException a usage error if the highest ID has no number to count on from
     */
    public static String next(Collection<String> existing, String slug, Style firstStyle) {
        Optional<String> highest = existing.stream().max(MigrationIds.ORDER);
        String number;
        if (highest.isEmpty()) {
            number = firstStyle.first();
        } else {
            Matcher matcher = FIRST_NUMBER.matcher(highest.get());
            if (!matcher.find()) {
                throw CliException.usage("Cannot number the next migration after '" + highest.get()
                        + "', the highest ID, which has no number. Name it yourself with --id.");
            }
            String digits = matcher.group("number");
            String next = new BigInteger(digits).add(BigInteger.ONE).toString();
            String padding = "0".repeat(Math.max(0, digits.length() - next.length()));
            number = matcher.group("prefix") + padding + next;
        }
        String id = number + "_" + slug;
        return id.length() <= MigrationIds.MAX_LENGTH
                ? id
                : stripTrailingSeparators(id.substring(0, MigrationIds.MAX_LENGTH));
    }

    private static String stripTrailingSeparators(String id) {
        int end = id.length();
        while (end > 1 && "_.-".indexOf(id.charAt(end - 1)) >= 0) {
            end--;
        }
        return id.substring(0, end);
    }
}
