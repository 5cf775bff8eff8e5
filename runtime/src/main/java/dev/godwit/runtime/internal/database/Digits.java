package dev.godwit.runtime.internal.database;

/** Reads the fixed-width decimal fields of the timestamps that the dialects parse by hand. */
final class Digits {

    private Digits() {}

    /**
     * Returns the decimal number in {@code text[offset, offset + width)}, or -1 if a character is not an ASCII digit.
     *
     * @param text the text, at least {@code offset + width} long
     * @param offset where the field begins
     * @param width how many digits it has
     * @return the number, or -1
     */
    static int number(String text, int offset, int width) {
        int value = 0;
        for (int i = offset; i < offset + width; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Whether a character is an ASCII digit (not {@link Character#isDigit}, which takes other scripts' digits too).
     *
     * @param c the character
     * @return whether it is {@code 0} to {@code 9}
     */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
