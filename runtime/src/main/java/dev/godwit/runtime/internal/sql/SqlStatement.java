package dev.godwit.runtime.internal.sql;

/**
 * One statement of a SQL file, as {@link SqlSplitter} found it.
 *
 * @param number its position among the file's statements, from 1
 * @param line the line of the file it starts on, from 1 (leading comments are not part of it)
 * @param sql its text, without the terminating semicolon and without leading comments and whitespace
 * @param transactionControl whether it begins, commits or rolls back a transaction ({@code BEGIN}, {@code COMMIT},
 *     {@code END}, {@code ROLLBACK} but not {@code ROLLBACK TO}, ...), which a file run inside the runner's own
 *     transaction must not do
 */
public record SqlStatement(int number, int line, String sql, boolean transactionControl) {

    /**
     * Returns the start of the statement's first line, for messages.
     *
     * @return at most 80 characters of the first line
     */
    public String excerpt() {
        String first = sql.lines().findFirst().orElse("").strip();
        return first.length() <= 80 ? first : first.substring(0, 77) + "...";
    }
}
