package dev.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes the migrations of one workload for each contender: migration 0 creates {@code bench_data}, migrations 1 to N
 * insert their number into it. The bodies are the same SQL everywhere, written the way each contender's users write
 * them: for Godwit, on the {@code Connection} parameter of a {@code @Migration} method (the very JDBC text of Flyway's
 * and the JDBC loop's bodies) or through the JDBI {@code Handle} parameter; through the {@code Connection} of a
 * {@code BaseJavaMigration}'s context for Flyway; through the loop's {@code Connection} for the JDBC loop; through a
 * {@code Handle} on the loop's connection for the JDBI loop, with the very text of Godwit's {@code Handle} bodies.
 */
final class SourceGenerator {

    /** The most migrations in one generated class, as in an application with many feature classes. */
    static final int METHODS_PER_CLASS = 100;

    static final String CREATE = "CREATE TABLE bench_data (v INTEGER NOT NULL)";
    static final String INSERT = "INSERT INTO bench_data VALUES (?)";

    /** Godwit's methods on the JDBI {@code Handle}, as the README writes them. */
    private static final GodwitStyle HANDLE = new GodwitStyle(
            "godwit", List.of("org.jdbi.v3.core.Handle"), "(Handle handle)", i -> handleBody(i, "        "));

    /** Godwit's methods on the transaction's {@code Connection}, with Flyway's and the JDBC loop's body. */
    private static final GodwitStyle JDBC = new GodwitStyle(
            "godwitjdbc",
            List.of("java.sql.Connection", "java.sql.PreparedStatement", "java.sql.SQLException", "java.sql.Statement"),
            "(Connection connection) throws SQLException",
            i -> body(i, "connection", "        "));

    /**
     * What differs between the two kinds of Godwit migrations; the classes around them are the same.
     *
     * @param packageName the package under {@code bench}
     * @param imports what the bodies need, besides {@code @Migration}
     * @param signature the parameter list and {@code throws} clause
     * @param body the body of migration {@code i}, indented for a method
     */
    private record GodwitStyle(String packageName, List<String> imports, String signature, IntFunction<String> body) {}

    /** The JDBC loop's migrations: {@code JdbcMigration} lambdas on the loop's {@code Connection}. */
    private static final LoopStyle JDBC_LOOP = new LoopStyle(
            "jdbc",
            "JdbcMigration",
            List.of("java.sql.PreparedStatement", "java.sql.Statement"),
            "connection",
            i -> body(i, "connection", "                    "));

    /** The JDBI loop's migrations: {@code JdbiMigration} lambdas on a {@code Handle}, with Godwit's bodies. */
    private static final LoopStyle JDBI_LOOP =
            new LoopStyle("jdbi", "JdbiMigration", List.of(), "handle", i -> handleBody(i, "                    "));

    /**
     * What differs between the two loops' migrations; the lists around them are the same.
     *
     * @param packageName the package under {@code bench}
     * @param migrationType the record in {@code dev.godwit.bench.jdbc} that the lists hold
     * @param imports what the bodies need, besides the record and {@code List}
     * @param parameter the lambda's parameter
     * @param body the body of migration {@code i}, indented for the lambda
     */
    private record LoopStyle(
            String packageName,
            String migrationType,
            List<String> imports,
            String parameter,
            IntFunction<String> body) {}

    private SourceGenerator() {}

    /**
     * Godwit with JDBI: static {@code @Migration} methods that take a {@code Handle}, with IDs {@code v0} to
     * {@code vN}, {@code perClass} to a class, in package {@code bench.godwit}.
     */
    static void godwit(Path root, int n, int perClass) throws IOException {
        godwit(root, n, perClass, HANDLE);
    }

    /**
     * Godwit with JDBC: as {@link #godwit}, in package {@code bench.godwitjdbc}, with methods that take the
     * migration's {@code Connection} and run the same body as Flyway and the JDBC loop.
     */
    static void godwitJdbc(Path root, int n, int perClass) throws IOException {
        godwit(root, n, perClass, JDBC);
    }

    private static void godwit(Path root, int n, int perClass, GodwitStyle style) throws IOException {
        for (int first = 0; first <= n; first += perClass) {
            String name = className(first / perClass);
            StringBuilder source = new StringBuilder()
                    .append("package bench.")
                    .append(style.packageName())
                    .append(";\n\n")
                    .append("import dev.godwit.Migration;\n");
            for (String type : style.imports()) {
                source.append("import ").append(type).append(";\n");
            }
            source.append("\nfinal class ").append(name).append(" {\n");
            for (int i = first; i < Math.min(first + perClass, n + 1); i++) {
                source.append("\n    @Migration(\"v").append(i).append("\")\n");
                source.append("    static void v")
                        .append(i)
                        .append(style.signature())
                        .append(" {\n")
                        .append(style.body().apply(i))
                        .append("    }\n");
            }
            write(root, "bench/" + style.packageName() + "/" + name + ".java", source.append("}\n"));
        }
    }

    /** The body through JDBI's {@code Handle}, for Godwit and the JDBI loop alike. */
    static String handleBody(int i, String indent) {
        if (i == 0) {
            return indent + "handle.execute(\"" + CREATE + "\");\n";
        }
        return indent + "handle.execute(\"" + INSERT + "\", " + i + ");\n";
    }

    /** Flyway: one {@code BaseJavaMigration} per migration, {@code db.migration.V0__Create} to {@code VN__Insert}. */
    static void flyway(Path root, int n) throws IOException {
        for (int i = 0; i <= n; i++) {
            String name = i == 0 ? "V0__Create" : "V" + i + "__Insert";
            String source = "package db.migration;\n\n"
                    + "import java.sql.PreparedStatement;\n"
                    + "import java.sql.Statement;\n"
                    + "import org.flywaydb.core.api.migration.BaseJavaMigration;\n"
                    + "import org.flywaydb.core.api.migration.Context;\n\n"
                    + "public class " + name + " extends BaseJavaMigration {\n\n"
                    + "    @Override\n"
                    + "    public void migrate(Context context) throws Exception {\n"
                    + body(i, "context.getConnection()", "        ")
                    + "    }\n"
                    + "}\n";
            write(root, "db/migration/" + name + ".java", source);
        }
    }

    /**
     * The JDBC loop: lists of {@code JdbcMigration} lambdas, {@link #METHODS_PER_CLASS} to a class, and
     * {@code bench.jdbc.AllMigrations}, which concatenates them.
     */
    static void jdbcLoop(Path root, int n) throws IOException {
        loop(root, n, JDBC_LOOP);
    }

    /**
     * The JDBI loop: as {@link #jdbcLoop}, in package {@code bench.jdbi}, with {@code JdbiMigration} lambdas that run
     * Godwit's {@code Handle} bodies.
     */
    static void jdbiLoop(Path root, int n) throws IOException {
        loop(root, n, JDBI_LOOP);
    }

    private static void loop(Path root, int n, LoopStyle style) throws IOException {
        String packageName = "bench." + style.packageName();
        String type = style.migrationType();
        StringBuilder all = new StringBuilder()
                .append("package ")
                .append(packageName)
                .append(";\n\n")
                .append("import dev.godwit.bench.jdbc.")
                .append(type)
                .append(";\n")
                .append("import java.util.ArrayList;\n")
                .append("import java.util.List;\n")
                .append("import java.util.function.Supplier;\n\n")
                .append("public final class AllMigrations implements Supplier<List<")
                .append(type)
                .append(">> {\n\n")
                .append("    @Override\n")
                .append("    public List<")
                .append(type)
                .append("> get() {\n")
                .append("        List<")
                .append(type)
                .append("> all = new ArrayList<>(")
                .append(n + 1)
                .append(");\n");
        for (int first = 0; first <= n; first += METHODS_PER_CLASS) {
            String name = className(first / METHODS_PER_CLASS);
            all.append("        all.addAll(").append(name).append(".migrations());\n");
            StringBuilder source = new StringBuilder()
                    .append("package ")
                    .append(packageName)
                    .append(";\n\n")
                    .append("import dev.godwit.bench.jdbc.")
                    .append(type)
                    .append(";\n");
            for (String imported : style.imports()) {
                source.append("import ").append(imported).append(";\n");
            }
            source.append("import java.util.List;\n\n")
                    .append("final class ")
                    .append(name)
                    .append(" {\n\n")
                    .append("    static List<")
                    .append(type)
                    .append("> migrations() {\n")
                    .append("        return List.of(");
            int last = Math.min(first + METHODS_PER_CLASS, n + 1) - 1;
            for (int i = first; i <= last; i++) {
                source.append("\n                new ")
                        .append(type)
                        .append("(\"v")
                        .append(i)
                        .append("\", ")
                        .append(style.parameter())
                        .append(" -> {\n")
                        .append(style.body().apply(i))
                        .append("                })")
                        .append(i < last ? "," : ");\n");
            }
            write(root, "bench/" + style.packageName() + "/" + name + ".java", source.append("    }\n}\n"));
        }
        write(
                root,
                "bench/" + style.packageName() + "/AllMigrations.java",
                all.append("        return all;\n    }\n}\n"));
    }

    /** The body on a JDBC connection, for Flyway, the JDBC loop and Godwit with JDBC alike. */
    static String body(int i, String connection, String indent) {
        if (i == 0) {
            return indent + "try (Statement statement = " + connection + ".createStatement()) {\n"
                    + indent + "    statement.execute(\"" + CREATE + "\");\n"
                    + indent + "}\n";
        }
        return indent + "try (PreparedStatement statement = " + connection + ".prepareStatement(\"" + INSERT
                + "\")) {\n"
                + indent + "    statement.setInt(1, " + i + ");\n"
                + indent + "    statement.executeUpdate();\n"
                + indent + "}\n";
    }

    private static String className(int index) {
        return String.format("Migrations%03d", index);
    }

    private static void write(Path root, String relative, CharSequence source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }
}
