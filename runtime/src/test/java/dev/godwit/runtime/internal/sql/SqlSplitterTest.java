package dev.godwit.runtime.internal.sql;

import static dev.godwit.runtime.DatabaseKind.POSTGRESQL;
import static dev.godwit.runtime.DatabaseKind.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.godwit.runtime.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Statement splitting with each database's lexical rules; what the databases make of the pieces is tested on them. */
class SqlSplitterTest {

    private static List<String> split(String text, DatabaseKind kind) {
        return SqlSplitter.split(text, kind).stream().map(SqlStatement::sql).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void splitsAtSemicolonsAndDropsTheTerminatorAndSurroundingWhitespace(DatabaseKind kind) {
        assertThat(split("CREATE TABLE a (x INT);\n  INSERT INTO a VALUES (1) ;\n\nSELECT 1", kind))
                .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)", "SELECT 1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void emptyStatementsAndCommentOnlyTextAreNoStatements(DatabaseKind kind) {
        assertThat(split("", kind)).isEmpty();
        assertThat(split(" \n\t\n", kind)).isEmpty();
        assertThat(split(";;\n;", kind)).isEmpty();
        assertThat(split("-- nothing to do yet\n/* really\n nothing */\n", kind))
                .isEmpty();
        assertThat(split("SELECT 1;; ;\n-- trailing comment", kind)).containsExactly("SELECT 1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void semicolonsInCommentsDoNotSplit(DatabaseKind kind) {
        String text = "-- header; with a semicolon\n"
                + "SELECT 1 -- trailing; comment\n"
                + ";\n"
                + "SELECT /* inline; comment */ 2;\n"
                + "/* block;\n   comment; */ SELECT 3;";

        assertThat(split(text, kind))
                .containsExactly("SELECT 1 -- trailing; comment", "SELECT /* inline; comment */ 2", "SELECT 3");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void leadingCommentsAreNotPartOfTheStatementAndItsLineIsItsFirstToken(DatabaseKind kind) {
        String text = "-- v3: languages\n\n/* a block\n   comment */\nINSERT INTO a\nVALUES (1);\n\n  SELECT 2;";

        List<SqlStatement> statements = SqlSplitter.split(text, kind);

        assertThat(statements)
                .containsExactly(
                        new SqlStatement(1, 5, "INSERT INTO a\nVALUES (1)", false),
                        new SqlStatement(2, 8, "SELECT 2", false));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void semicolonsInStringsAndQuotedIdentifiersDoNotSplit(DatabaseKind kind) {
        String text = "INSERT INTO \"odd;name\" VALUES ('a;b', 'it''s; fine', '--not a comment', '/*nor this*/');\n"
                + "SELECT \"say \"\"hi\"\"; bye\" FROM t;";

        assertThat(split(text, kind))
                .containsExactly(
                        "INSERT INTO \"odd;name\" VALUES ('a;b', 'it''s; fine', '--not a comment', '/*nor this*/')",
                        "SELECT \"say \"\"hi\"\"; bye\" FROM t");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBackslashInAStandardStringIsAnOrdinaryCharacter(DatabaseKind kind) {
        assertThat(split("SELECT 'C:\\'; SELECT 2", kind)).containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void postgresqlEscapeStringsTakeBackslashEscapes() {
        String text = "SELECT E'it\\'s; \\\\', e'a\\\\'; SELECT E'x''y;'; SELECT 3";

        assertThat(split(text, POSTGRESQL))
                .containsExactly("SELECT E'it\\'s; \\\\', e'a\\\\'", "SELECT E'x''y;'", "SELECT 3");
    }

    @Test
    void anIdentifierEndingInEIsNoEscapeString() {
        assertThat(split("SELECT name FROM some'x\\'; SELECT 2", POSTGRESQL))
                .containsExactly("SELECT name FROM some'x\\'", "SELECT 2");
    }

    @Test
    void postgresqlDollarQuotesHoldSemicolonsQuotesAndOtherDollarQuotes() {
        String text = "DO $$ BEGIN INSERT INTO t VALUES ('a;b'); END $$;\n"
                + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
                + "BEGIN\n"
                + "  PERFORM 1; -- it's; here\n"
                + "  EXECUTE $q$SELECT 'x;'$q$;\n"
                + "  RETURN NEW;\n"
                + "END;\n"
                + "$fn$;\n"
                + "SELECT $1, a$b$ FROM t;";

        List<SqlStatement> statements = SqlSplitter.split(text, POSTGRESQL);

        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 9);
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "DO $$ BEGIN INSERT INTO t VALUES ('a;b'); END $$",
                        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  PERFORM 1; -- it's;"
                                + " here\n  EXECUTE $q$SELECT 'x;'$q$;\n  RETURN NEW;\nEND;\n$fn$",
                        "SELECT $1, a$b$ FROM t");
    }

    @Test
    void sqliteHasNoDollarQuotes() {
        assertThat(split("SELECT $a; SELECT $b$;", SQLITE)).containsExactly("SELECT $a", "SELECT $b$");
    }

    @Test
    void postgresqlBlockCommentsNestAndSqliteOnesDoNot() {
        String text = "/* outer /* inner; */ still; outer */ SELECT 1; SELECT 2";

        assertThat(split(text, POSTGRESQL)).containsExactly("SELECT 1", "SELECT 2");
        assertThat(split(text, SQLITE)).containsExactly("still", "outer */ SELECT 1", "SELECT 2");
    }

    @Test
    void sqliteBracketAndBacktickIdentifiersHoldSemicolons() {
        assertThat(split("SELECT [a;b], `c;``d` FROM t; SELECT 2", SQLITE))
                .containsExactly("SELECT [a;b], `c;``d` FROM t", "SELECT 2");
    }

    @Test
    void sqliteTriggerBodiesAreOneStatementWithTheirCaseExpressions() {
        String text = "CREATE TABLE log (x);\n"
                + "CREATE TRIGGER IF NOT EXISTS audit AFTER INSERT ON books\n"
                + "WHEN (CASE WHEN NEW.id > 0 THEN 1 ELSE 0 END)\n"
                + "BEGIN\n"
                + "  INSERT INTO log VALUES ('a;');\n"
                + "  UPDATE log SET x = CASE WHEN x IS NULL THEN 1 ELSE x END;\n"
                + "  SELECT RAISE(IGNORE);\n"
                + "END;\n"
                + "create temp trigger t2 before delete on books begin delete from log; end;\n"
                + "INSERT INTO log VALUES (2);";

        List<SqlStatement> statements = SqlSplitter.split(text, SQLITE);

        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 9, 10);
        assertThat(statements.get(1).sql()).startsWith("CREATE TRIGGER").endsWith("SELECT RAISE(IGNORE);\nEND");
        assertThat(statements.get(2).sql())
                .isEqualTo("create temp trigger t2 before delete on books begin delete from log; end");
    }

    @Test
    void postgresqlAtomicFunctionBodiesAreOneStatement() {
        String text = "CREATE OR REPLACE PROCEDURE p() LANGUAGE SQL BEGIN ATOMIC\n"
                + "  INSERT INTO t VALUES (1);\n"
                + "  SELECT CASE WHEN true THEN 1 END;\n"
                + "END;\n"
                + "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f();\n"
                + "SELECT 2";

        assertThat(split(text, POSTGRESQL))
                .containsExactly(
                        "CREATE OR REPLACE PROCEDURE p() LANGUAGE SQL BEGIN ATOMIC\n  INSERT INTO t VALUES (1);\n"
                                + "  SELECT CASE WHEN true THEN 1 END;\nEND",
                        "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()",
                        "SELECT 2");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void caseOutsideABodyDoesNotHoldTheSemicolon(DatabaseKind kind) {
        assertThat(split("SELECT CASE WHEN 1 = 1 THEN 'a' END; SELECT 2", kind))
                .containsExactly("SELECT CASE WHEN 1 = 1 THEN 'a' END", "SELECT 2");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUnterminatedStringOrCommentRunsToTheEndForTheDatabaseToReport(DatabaseKind kind) {
        assertThat(split("SELECT 1; SELECT 'open; SELECT 3", kind))
                .containsExactly("SELECT 1", "SELECT 'open; SELECT 3");
        assertThat(split("SELECT 1; /* open; SELECT 3", kind)).containsExactly("SELECT 1");
    }

    @Test
    void anUnterminatedDollarQuoteRunsToTheEnd() {
        assertThat(split("SELECT 1; DO $$ BEGIN; SELECT 3", POSTGRESQL))
                .containsExactly("SELECT 1", "DO $$ BEGIN; SELECT 3");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BEGIN",
                "begin transaction",
                "BEGIN IMMEDIATE",
                "START TRANSACTION",
                "COMMIT",
                "END",
                "ABORT",
                "ROLLBACK",
                "ROLLBACK TRANSACTION",
                "PREPARE TRANSACTION 'x'"
            })
    void recognizesTransactionControl(String sql) {
        assertThat(SqlSplitter.split("SELECT 1;\n" + sql + ";", POSTGRESQL)
                        .get(1)
                        .transactionControl())
                .isTrue();
        assertThat(SqlSplitter.split(sql, SQLITE).get(0).transactionControl()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ROLLBACK TO SAVEPOINT s",
                "ROLLBACK TO s",
                "ROLLBACK TRANSACTION TO SAVEPOINT s",
                "SAVEPOINT s",
                "RELEASE SAVEPOINT s",
                "SELECT 'BEGIN'",
                "PREPARE q AS SELECT 1",
                "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END"
            })
    void doesNotTakeOtherStatementsForTransactionControl(String sql) {
        assertThat(SqlSplitter.split(sql, POSTGRESQL)).noneMatch(SqlStatement::transactionControl);
        assertThat(SqlSplitter.split(sql, SQLITE)).noneMatch(SqlStatement::transactionControl);
    }

    @Test
    void aBlockInADollarQuoteIsNoTransactionControl() {
        assertThat(SqlSplitter.split("DO $$ BEGIN NULL; END $$; END", POSTGRESQL))
                .extracting(SqlStatement::transactionControl)
                .containsExactly(false, true);
    }

    @Test
    void numbersStatementsAndCountsLinesInsideSkippedText() {
        String text = "SELECT 'line 1\nline 2';\n/* 3\n4 */ SELECT 5;\n\n\nSELECT $x$\n8\n$x$;\nSELECT 10";

        assertThat(SqlSplitter.split(text, POSTGRESQL))
                .extracting(SqlStatement::number, SqlStatement::line)
                .containsExactly(tuple(1, 1), tuple(2, 4), tuple(3, 7), tuple(4, 10));
    }

    @Test
    void anExcerptIsTheStartOfTheFirstLine() {
        SqlStatement statement =
                SqlSplitter.split("INSERT INTO books\nVALUES (1)", SQLITE).get(0);
        SqlStatement longOne =
                SqlSplitter.split("SELECT '" + "x".repeat(100) + "'", SQLITE).get(0);

        assertThat(statement.excerpt()).isEqualTo("INSERT INTO books");
        assertThat(longOne.excerpt()).hasSize(80).endsWith("...");
    }
}
