package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits the text of a SQL file into statements at the semicolons that end them, with the lexical rules of the
 * database it runs on, so that a semicolon inside a string, a comment, a quoted identifier, a dollar-quoted body or a
 * trigger body does not end a statement.
 *
 * <p>Both databases: {@code --} line comments, {@code /* *}{@code /} block comments, {@code '...'} strings with
 * {@code ''} for a quote, {@code "..."} identifiers with {@code ""} for a quote, and bodies that hold statements of
 * their own: {@code CREATE TRIGGER ... BEGIN ...; ...; END} (SQLite) and {@code CREATE FUNCTION ... BEGIN ATOMIC ...;
 * END} (PostgreSQL 14), where {@code CASE ... END} may nest. PostgreSQL adds nested block comments, {@code E'...'}
 * strings with backslash escapes and dollar quotes ({@code $$...$$}, {@code $fn$...$fn$}); SQLite adds {@code [...]}
 * and {@code `...`} identifiers. {@code '...'} strings follow PostgreSQL's {@code standard_conforming_strings = on},
 * the default since 9.1: a backslash in them is an ordinary character.
 *
 * <p>What cannot be split is left to the database: an unterminated string or comment runs to the end of the file and
 * the database reports the syntax error of that statement.
 */
public final class SqlSplitter {

    private static final Set<String> BLOCK_OBJECTS = Set.of("TRIGGER", "FUNCTION", "PROCEDURE");
    private static final int WORDS_KEPT = 5;

    private final String text;
    private final boolean postgres;
    private final List<SqlStatement> statements = new ArrayList<>();

    private int pos;
    private int lineScanPos;
    private int lineScanLine = 1;

    /** Where the current statement's first significant character is, or -1 before it. */
    private int start = -1;

    private int startLine;
    private final List<String> words = new ArrayList<>();
    private boolean blockStatement;
    private int blockDepth;

    private SqlSplitter(String text, DatabaseKind kind) {
        this.text = text;
        this.postgres = kind == DatabaseKind.POSTGRESQL;
    }

    /**
     * Splits a file's text into its statements. Empty statements ({@code ;;}) and stretches of comments and
     * whitespace are not statements.
     *
     * @param text the file's text, with {@code \n} line endings
     * @param kind the database whose lexical rules apply
     * @return the statements in file order, numbered from 1
     */
    public static List<SqlStatement> split(String text, DatabaseKind kind) {
        return new SqlSplitter(text, kind).split();
    }

    private List<SqlStatement> split() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && next() == '-') {
                skipLineComment();
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
            } else if (c == ';' && blockDepth == 0) {
                endStatement(pos);
                pos++;
            } else {
                significant(c);
            }
        }
        endStatement(text.length());
        return statements;
    }

    private void significant(char c) {
        if (start < 0) {
            start = pos;
            startLine = lineOf(pos);
        }
        if (c == '\'') {
            skipQuoted('\'');
        } else if (c == '"') {
            skipQuoted('"');
        } else if (!postgres && c == '`') {
            skipQuoted('`');
        } else if (!postgres && c == '[') {
            skipPast("]", pos + 1);
        } else if (postgres && c == '$' && dollarTag() != null) {
            String tag = dollarTag();
            skipPast(tag, pos + tag.length());
        } else if (isWordStart(c)) {
            word();
        } else {
            pos++;
        }
    }

    private char next() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    private void skipLineComment() {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
    }

    private void skipBlockComment() {
        // PostgreSQL nests block comments, as the SQL standard says; SQLite ends one at the first */.
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos) && (depth == 0 || postgres)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                pos += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    /** Skips a string or identifier whose quote character is doubled inside it. */
    private void skipQuoted(char quote) {
        pos++;
        while (pos < text.length()) {
            if (text.charAt(pos) == quote) {
                if (next() != quote) {
                    pos++;
                    return;
                }
                pos++;
            }
            pos++;
        }
    }

    /** Skips a PostgreSQL {@code E'...'} string, where a backslash escapes the next character. */
    private void skipEscapeString() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos++;
            } else if (c == '\'') {
                if (next() != '\'') {
                    pos++;
                    return;
                }
                pos++;
            }
            pos++;
        }
    }

    private void skipPast(String terminator, int from) {
        int end = text.indexOf(terminator, from);
        pos = end < 0 ? text.length() : end + terminator.length();
    }

    /**
     * Returns the dollar quote that starts at {@code pos} ({@code $$} or {@code $tag$}, the tag an identifier without
     * {@code $}), or {@code null} where the {@code $} starts none, as in the parameter {@code $1}.
     */
    private String dollarTag() {
        int end = pos + 1;
        if (end < text.length() && isWordStart(text.charAt(end))) {
            while (end < text.length() && isTagPart(text.charAt(end))) {
                end++;
            }
        }
        return end < text.length() && text.charAt(end) == '$' ? text.substring(pos, end + 1) : null;
    }

    private void word() {
        int begin = pos;
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(begin, pos).toUpperCase(Locale.ROOT);
        if (postgres && word.equals("E") && pos < text.length() && text.charAt(pos) == '\'') {
            skipEscapeString();
            return;
        }
        if (words.size() < WORDS_KEPT) {
            words.add(word);
            blockStatement = blockStatement || opensBlocks(words);
        }
        if (blockStatement) {
            // Inside these statements BEGIN ... END encloses statements of their own, and CASE ... END may appear
            // within them; only the END that closes the outermost block lets a semicolon end the statement.
            if (word.equals("BEGIN") || word.equals("CASE")) {
                blockDepth++;
            } else if (word.equals("END") && blockDepth > 0) {
                blockDepth--;
            }
        }
    }

    /** {@code CREATE [OR REPLACE] [TEMP | TEMPORARY] TRIGGER | FUNCTION | PROCEDURE}. */
    private static boolean opensBlocks(List<String> words) {
        int i = 0;
        if (i >= words.size() || !words.get(i++).equals("CREATE")) {
            return false;
        }
        if (i + 1 < words.size()
                && words.get(i).equals("OR")
                && words.get(i + 1).equals("REPLACE")) {
            i += 2;
        }
        if (i < words.size() && (words.get(i).equals("TEMP") || words.get(i).equals("TEMPORARY"))) {
            i++;
        }
        return i < words.size() && BLOCK_OBJECTS.contains(words.get(i));
    }

    private void endStatement(int end) {
        if (start >= 0) {
            String sql = text.substring(start, end).strip();
            statements.add(new SqlStatement(statements.size() + 1, startLine, sql, isTransactionControl(words)));
        }
        start = -1;
        words.clear();
        blockStatement = false;
        blockDepth = 0;
    }

    /**
     * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ABORT}, {@code ROLLBACK} (not
     * {@code ROLLBACK [TRANSACTION | WORK] TO}, which only rolls back to a savepoint) and {@code PREPARE TRANSACTION}.
     */
    private static boolean isTransactionControl(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0);
        String second = words.size() > 1 ? words.get(1) : "";
        return switch (first) {
            case "BEGIN", "COMMIT", "END", "ABORT" -> true;
            case "START", "PREPARE" -> second.equals("TRANSACTION");
            case "ROLLBACK" ->
                !(second.equals("TO")
                        || ((second.equals("TRANSACTION") || second.equals("WORK"))
                                && words.size() > 2
                                && words.get(2).equals("TO")));
            default -> false;
        };
    }

    private int lineOf(int index) {
        for (; lineScanPos < index; lineScanPos++) {
            if (text.charAt(lineScanPos) == '\n') {
                lineScanLine++;
            }
        }
        return lineScanLine;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isTagPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private boolean isWordPart(char c) {
        // PostgreSQL identifiers may contain $ after their first character (so "a$b$" is no dollar quote).
        return isTagPart(c) || (postgres && c == '$');
    }
}
