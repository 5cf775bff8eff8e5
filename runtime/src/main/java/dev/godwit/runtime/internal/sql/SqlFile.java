package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.DatabaseKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One SQL migration file, read.
 *
 * @param name its ID and variant
 * @param resource its resource path, such as {@code db/migration/v3_add_language.sql}
 * @param url where it was read from, for messages
 * @param text its content with {@code \n} line endings and without a byte order mark
 * @param checksum the SHA-256 of {@code text} in UTF-8, in lower-case hex
 */
public record SqlFile(SqlFileName name, String resource, String url, String text, String checksum) {

    /**
     * Creates the file from its decoded content: drops a leading byte order mark, turns CRLF and CR line endings
     * into LF, and computes the checksum of the result, so a file checked out on Windows and on Linux has one
     * checksum.
     *
     * @param name its ID and variant
     * @param resource its resource path
     * @param url where it was read from
     * @param content its content as decoded from UTF-8
     * @return the file
     */
    public static SqlFile of(SqlFileName name, String resource, String url, String content) {
        String text = normalize(content);
        return new SqlFile(name, resource, url, text, checksum(text));
    }

    /**
     * Returns the text with LF line endings and without a leading byte order mark.
     *
     * @param content the decoded content
     * @return the normalized text
     */
    public static String normalize(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Returns the SHA-256 of a text in UTF-8, as 64 lower-case hex digits.
     *
     * @param text the normalized text
     * @return the checksum
     */
    public static String checksum(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /**
     * Returns the migration ID.
     *
     * @return the ID
     */
    public String id() {
        return name.id();
    }

    /**
     * Returns the database this file is for.
     *
     * @return the variant's database, or {@code null} for a file for every database
     */
    public DatabaseKind variant() {
        return name.variant();
    }
}
