package dev.godwit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.MigrationIds;
import dev.godwit.cli.internal.MigrationNumbering.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationNumberingTest {

    @Test
    void slugIsLowerCaseAsciiWithUnderscores() {
        assertThat(MigrationNumbering.slug("Add user roles")).isEqualTo("add_user_roles");
        assertThat(MigrationNumbering.slug("  --Übersetzung für Bücher!! ")).isEqualTo("ubersetzung_fur_bucher");
        assertThat(MigrationNumbering.slug("v2: drop   old/columns")).isEqualTo("v2_drop_old_columns");
        assertThat(MigrationNumbering.slug("!!!")).isEmpty();
        assertThat(MigrationNumbering.slug("_")).isEmpty();
    }

    @Test
    void firstIdFollowsTheStyle() {
        assertThat(MigrationNumbering.next(List.of(), "init", Style.V1)).isEqualTo("v1_init");
        assertThat(MigrationNumbering.next(List.of(), "init", Style.PADDED)).isEqualTo("001_init");
    }

    @Test
    void nextIdKeepsPrefixAndPaddingOfTheHighestInNaturalOrder() {
        assertThat(MigrationNumbering.next(List.of("v9_x", "v10_y", "v2_z"), "a", Style.PADDED))
                .isEqualTo("v11_a");
        assertThat(MigrationNumbering.next(List.of("001_init", "009_x"), "a", Style.V1))
                .isEqualTo("010_a");
        assertThat(MigrationNumbering.next(List.of("999_x"), "a", Style.V1)).isEqualTo("1000_a");
        assertThat(MigrationNumbering.next(List.of("V3__flyway_style"), "a", Style.V1))
                .isEqualTo("V4_a");
        assertThat(MigrationNumbering.next(List.of("v1.9_x"), "a", Style.V1)).isEqualTo("v2_a");
    }

    @Test
    void highestIdWithoutANumberIsAUsageError() {
        assertThatThrownBy(() -> MigrationNumbering.next(List.of("v1_a", "x_init"), "b", Style.V1))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("'x_init'")
                .hasMessageContaining("--id");
    }

    @Test
    void longDescriptionsAreCutToAValidId() {
        String id = MigrationNumbering.next(List.of(), "a_".repeat(200) + "b", Style.V1);

        assertThat(id).hasSizeLessThanOrEqualTo(MigrationIds.MAX_LENGTH).doesNotEndWith("_");
        assertThat(MigrationIds.isValid(id)).isTrue();
    }

    @Test
    void styleIsReadAsWritten() {
        assertThat(Style.of("v1")).isEqualTo(Style.V1);
        assertThat(Style.of("001")).isEqualTo(Style.PADDED);
        assertThatThrownBy(() -> Style.of("1")).hasMessageContaining("use v1 or 001");
    }

    @Test
    void methodNamesAreValidJava() {
        assertThat(MigrationTemplates.methodName("add_user_roles")).isEqualTo("addUserRoles");
        assertThat(MigrationTemplates.methodName("2fa_codes")).isEqualTo("migrate2faCodes");
        assertThat(MigrationTemplates.methodName("default")).isEqualTo("migrateDefault");
    }

    @Test
    void sqlFileNames() {
        assertThat(KnownMigrations.sqlId("v3_add.postgresql.sql")).isEqualTo("v3_add");
        assertThat(KnownMigrations.sqlId("v3_add.sqlite.sql")).isEqualTo("v3_add");
        assertThat(KnownMigrations.sqlId("v1.2.sql")).isEqualTo("v1.2");
        assertThat(KnownMigrations.sqlId("notes.txt")).isNull();
        assertThat(KnownMigrations.sqlId("bad name.sql")).isNull();
    }
}
