package dev.godwit;

import java.util.Comparator;

/**
 * The rules for migration IDs, shared by the annotation processor (which checks them at compile time) and the
 * runtime (which orders and checks every migration it runs).
 *
 * <h2>Valid IDs</h2>
 *
 * An ID has 1 to {@value #MAX_LENGTH} characters: a letter or digit, then letters, digits, {@code .}, {@code _}
 * or {@code -} (the pattern {@value #PATTERN}). No spaces and no quotes: an ID appears in SQL, file names and
 * generated constants.
 *
 * <h2>Natural order</h2>
 *
 * {@link #ORDER} compares IDs the way people number them: each run of digits compares as a number, everything else
 * as text, character by character. So {@code v1 < v2 < v10}, {@code 001 < 002 < 010} and {@code v1.2 < v1.10},
 * where plain string order would run {@code v10} before {@code v2}. IDs that are equal under these rules but
 * differ in leading zeros ({@code v01}, {@code v1}) fall back to plain string order, so the order is total and
 * consistent with {@link String#equals}.
 */
public final class MigrationIds {

    /** The longest ID accepted. */
    public static final int MAX_LENGTH = 255;

    /** The regular expression every ID matches. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    /** Natural version order of IDs; see the class documentation. */
    public static final Comparator<String> ORDER = MigrationIds::compare;

    private MigrationIds() {}

    /**
     * Returns whether {@code id} is a valid migration ID: non-null, 1 to {@value #MAX_LENGTH} characters, matching
     * {@value #PATTERN}.
     *
     * @param id the candidate ID, possibly {@code null}
     * @return {@code true} if the ID is valid
     */
    public static boolean isValid(String id) {
        // By hand rather than with the pattern: a start checks every ID, and a regular expression's first matches in
        // a cold JVM cost more than the rest of that check.
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !isLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9]}: ASCII only, unlike {@link Character#isLetterOrDigit(char)}. */
    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Compares two IDs in natural version order: runs of digits as numbers, the rest as text.
     *
     * @param a an ID
     * @param b another ID
     * @return a negative number, zero or a positive number as {@code a} sorts before, equal to or after {@code b}
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitRunEnd(a, i);
                int endB = digitRunEnd(b, j);
                int result = compareNumbers(a, i, endA, b, j, endB);
                if (result != 0) {
                    return result;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        if (i < a.length() || j < b.length()) {
            // One ID is a prefix of the other, number for number: the shorter sorts first ("v1" < "v1_x").
            return i < a.length() ? 1 : -1;
        }
        // Equal as numbers and text ("v01" and "v1"): plain string order keeps the order total.
        return a.compareTo(b);
    }

    /**
     * Returns the name of the Java constant generated for {@code id}: upper case, with every character that is not
     * a letter or digit replaced by {@code _}, and a leading {@code _} where the ID starts with a digit
     * ({@code v1_backfill_language} becomes {@code V1_BACKFILL_LANGUAGE}, {@code 001_init} becomes
     * {@code _001_INIT}). Two IDs with the same constant name cannot live in one compilation.
     *
     * @param id a valid ID
     * @return the constant name
     */
    public static String constantName(String id) {
        StringBuilder name = new StringBuilder(id.length() + 1);
        if (isDigit(id.charAt(0))) {
            name.append('_');
        }
        for (int k = 0; k < id.length(); k++) {
            char c = id.charAt(k);
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitRunEnd(String s, int start) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares two digit runs by value without parsing, so runs of any length work. */
    private static int compareNumbers(String a, int startA, int endA, String b, int startB, int endB) {
        while (startA < endA - 1 && a.charAt(startA) == '0') {
            startA++;
        }
        while (startB < endB - 1 && b.charAt(startB) == '0') {
            startB++;
        }
        int lengthA = endA - startA;
        int lengthB = endB - startB;
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        for (int k = 0; k < lengthA; k++) {
            int result = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }
}
