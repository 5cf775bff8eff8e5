package dev.godwit.cli.internal;

import java.util.Locale;

/** The one piece of JSON writing the command needs: strings as RFC 8259 literals. */
public final class Json {

    private Json() {}

    /**
     * Returns a string as a JSON string literal, or {@code null}. Quotes, backslashes and control characters are
     * escaped, and so are U+2028, U+2029 (for JavaScript readers) and unpaired surrogates (which no encoding can
     * write).
     *
     * @param value the string, possibly {@code null}
     * @return the literal, such as {@code "a\"b"}, or {@code null}
     */
    public static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(value, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean unpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }
}
