package dev.godwit.runtime.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlFileTest {

    private static final SqlFileName NAME = new SqlFileName("v1", null);

    private static String checksumOf(String content) {
        return SqlFile.of(NAME, "db/migration/v1.sql", "file:/v1.sql", content).checksum();
    }

    @Test
    void theChecksumIsTheSha256OfTheTextInHex() {
        // sha256("SELECT 1;\n"), as `printf 'SELECT 1;\n' | sha256sum` prints it.
        assertThat(checksumOf("SELECT 1;\n"))
                .isEqualTo("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd");
    }

    @Test
    void lineEndingsAndAByteOrderMarkDoNotChangeTheChecksum() {
        String unix = checksumOf("SELECT 1;\nSELECT 2;\n");

        assertThat(checksumOf("SELECT 1;\r\nSELECT 2;\r\n")).isEqualTo(unix);
        assertThat(checksumOf("SELECT 1;\rSELECT 2;\r")).isEqualTo(unix);
        assertThat(checksumOf("\uFEFFSELECT 1;\nSELECT 2;\n")).isEqualTo(unix);
    }

    @Test
    void anyOtherChangeChangesTheChecksum() {
        String original = checksumOf("SELECT 1;\n");

        assertThat(checksumOf("SELECT 1; \n")).isNotEqualTo(original);
        assertThat(checksumOf("SELECT 1;\n-- a comment\n")).isNotEqualTo(original);
        assertThat(checksumOf("select 1;\n")).isNotEqualTo(original);
        assertThat(checksumOf("SELECT 1;")).isNotEqualTo(original);
    }

    @Test
    void theTextIsNormalizedForSplittingToo() {
        SqlFile file = SqlFile.of(NAME, "db/migration/v1.sql", "file:/v1.sql", "\uFEFFSELECT 1;\r\nSELECT 2;\r");

        assertThat(file.text()).isEqualTo("SELECT 1;\nSELECT 2;\n");
    }
}
