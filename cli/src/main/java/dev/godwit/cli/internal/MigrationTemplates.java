package dev.godwit.cli.internal;

import java.util.Locale;
import java.util.Set;

/** What {@code godwit new} writes: a commented SQL file, or a {@code @Migration} method to paste. */
public final class MigrationTemplates {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "yield",
            "record",
            "sealed",
            "permits");

    private MigrationTemplates() {}

    /**
     * Returns the content of a new SQL migration file.
     *
     * @param id the migration ID
     * @param description what the migration is for, as the user wrote it
     * @param table the tracking table, for the re-run statement
     * @return the file's text, ending with a line break
     */
    public static String sql(String id, String description, String table) {
        return "-- " + id + ": " + oneLine(description) + "\n"
                + "--\n"
                + "-- Write the statements below, each ending with a semicolon. Godwit runs this file in one\n"
                + "-- transaction together with the migration's row in the tracking table: do not add BEGIN,\n"
                + "-- COMMIT or ROLLBACK. If a statement fails, the whole file is rolled back, the migration is\n"
                + "-- recorded as failed, and the next `godwit migrate` runs it again.\n"
                + "--\n"
                + "-- Once this has run anywhere, do not edit or rename it: write a new migration instead.\n"
                + "-- For one database only, name the file " + id + ".postgresql.sql or " + id + ".sqlite.sql.\n"
                + "-- To run it again after it succeeded, delete its row:\n"
                + "--   DELETE FROM " + table + " WHERE id = '" + id + "';\n"
                + "\n";
    }

    /**
     * Returns a {@code @Migration} method with its imports, to paste into the class of the feature it belongs to.
     *
     * @param id the migration ID
     * @param description what the migration is for, as the user wrote it
     * @param slug the description's slug, from which the method is named
     * @return the Java text, ending with a line break
     */
    public static String javaMethod(String id, String description, String slug) {
        return "import dev.godwit.Migration;\n"
                + "import org.jdbi.v3.core.Handle;\n"
                + "\n"
                + "    /** " + oneLine(description).replace("*/", "*&#47;") + ". */\n"
                + "    @Migration(\"" + id + "\")\n"
                + "    static void " + methodName(slug) + "(Handle handle) {\n"
                + "        // Runs in one transaction with the migration's tracking row: do not commit or roll back.\n"
                + "        throw new UnsupportedOperationException(\"Not written yet: " + id + "\");\n"
                + "    }\n";
    }

    /**
     * Returns a Java method name for a slug: {@code add_user_roles} becomes {@code addUserRoles}; one that would
     * start with a digit or be a keyword is prefixed, {@code migrate2faCodes}.
     *
     * @param slug the slug
     * @return a valid Java identifier
     */
    static String methodName(String slug) {
        StringBuilder name = new StringBuilder();
        for (String word : slug.split("_")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isLetter(name.charAt(0)) || KEYWORDS.contains(name.toString())) {
            String rest = name.length() == 0 ? "" : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            return "migrate" + rest;
        }
        return name.toString();
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
