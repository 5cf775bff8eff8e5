package dev.godwit.runtime.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.runtime.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlFileNameTest {

    @Test
    void aPlainFileIsForEveryDatabase() {
        assertThat(SqlFileName.parse("v3_add_language.sql")).hasValue(new SqlFileName("v3_add_language", null));
    }

    @Test
    void aVariantNamesItsDatabaseBeforeTheExtension() {
        assertThat(SqlFileName.parse("v3.postgresql.sql")).hasValue(new SqlFileName("v3", DatabaseKind.POSTGRESQL));
        assertThat(SqlFileName.parse("v3.sqlite.sql")).hasValue(new SqlFileName("v3", DatabaseKind.SQLITE));
    }

    @Test
    void dotsBelongToTheIdUnlessTheLastPartNamesADatabase() {
        assertThat(SqlFileName.parse("v1.2.sql")).hasValue(new SqlFileName("v1.2", null));
        assertThat(SqlFileName.parse("v1.2.sqlite.sql")).hasValue(new SqlFileName("v1.2", DatabaseKind.SQLITE));
        assertThat(SqlFileName.parse("V1__flyway_style.sql")).hasValue(new SqlFileName("V1__flyway_style", null));
        assertThat(SqlFileName.parse("postgresql.sql")).hasValue(new SqlFileName("postgresql", null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".sql",
                ".postgresql.sql",
                "v1 create.sql",
                "-v1.sql",
                "_v1.sql",
                "v1.PostgreSQL.sql",
                "v1.SQLITE.sql",
                "v1.SQL",
                "v1.Sql",
                "v1.sqlite.postgresql.sql",
                "v1.Sqlite.sqlite.sql",
                "ünïcode.sql"
            })
    void rejectsNamesThatAreNotAValidIdAndVariant(String name) {
        assertThat(SqlFileName.isSql(name)).isTrue();
        assertThat(SqlFileName.parse(name)).isEmpty();
    }

    @Test
    void onlySqlFilesAreMigrations() {
        assertThat(SqlFileName.isSql("notes.txt")).isFalse();
        assertThat(SqlFileName.isSql("v1.sql.bak")).isFalse();
        assertThat(SqlFileName.isSql("README")).isFalse();
        assertThat(SqlFileName.isSql("sql")).isFalse();
    }
}
