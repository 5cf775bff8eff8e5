package dev.godwit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void jdbcUrlIsUsedAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse(" jdbc:postgresql://db:5432/app?sslmode=require ");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
        assertThat(url.isPostgresql()).isTrue();
    }

    @Test
    void platformUrlBecomesJdbcWithDecodedCredentialsTakenOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app%40corp:p%40ss%3Aw%2Frd+%25@db.internal:6432/shop"
                + "?sslmode=require&application_name=x");

        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:6432/shop?sslmode=require&application_name=x");
        assertThat(url.user()).contains("app@corp");
        assertThat(url.password()).as("a '+' stays a '+'").contains("p@ss:w/rd+%");
    }

    @Test
    void postgresSchemeSeveralHostsAndNoCredentials() {
        assertThat(DatabaseUrl.parse("postgres://a:5432,b:5433/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/app");
        assertThat(DatabaseUrl.parse("POSTGRES://db").jdbcUrl()).isEqualTo("jdbc:postgresql://db/");
    }

    @Test
    void noHostMeansLocalhostAndUserWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@/shop");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
        assertThat(url.user()).contains("app");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void malformedEscapeDoesNotEchoThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://app:hunter2%zz@db/shop"))
                .isInstanceOf(CliException.class)
                .hasMessage("The password in the database URL has a malformed percent escape: write a '%' as %25"
                        + " and other reserved characters as %XX.")
                .extracting(e -> ((CliException) e).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void redactsPasswordParametersAndUserInfo() {
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db/app?user=a&password=x%20y&sslpassword=z&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=a&password=***&sslpassword=***&ssl=true");
        assertThat(DatabaseUrl.redacted("jdbc:sqlserver://db;user=a;Password=secret;db=x"))
                .isEqualTo("jdbc:sqlserver://db;user=a;Password=***;db=x");
        assertThat(DatabaseUrl.redacted("postgresql://app:p@ss@db/shop")).isEqualTo("postgresql://app:***@db/shop");
    }

    @Test
    void findsPasswordsAsWrittenAndDecoded() {
        assertThat(DatabaseUrl.passwordsIn("--url=postgresql://app:p%40ss@db/shop?password=two"))
                .containsExactlyInAnyOrder("two", "p%40ss", "p@ss");
    }

    @Test
    void settingsPreferOptionsThenVariablesThenTheUrl() {
        Map<String, String> environment = Map.of(
                "GODWIT_DATABASE_URL", "postgresql://url-user:url-pass@db/shop",
                "DATABASE_URL", "jdbc:sqlite:ignored.db",
                "GODWIT_DATABASE_USER", "",
                "GODWIT_DATABASE_PASSWORD", "variable-pass");

        ConnectionSettings settings = ConnectionSettings.resolve(null, null, null, environment);

        assertThat(settings.url().jdbcUrl()).isEqualTo("jdbc:postgresql://db/shop");
        assertThat(settings.user()).as("an empty variable counts as unset").isEqualTo("url-user");
        assertThat(settings.password()).isEqualTo("variable-pass");
        assertThat(settings.describe()).isEqualTo("jdbc:postgresql://db/shop (from GODWIT_DATABASE_URL) as url-user");
        assertThat(settings.toString()).doesNotContain("pass");

        ConnectionSettings options =
                ConnectionSettings.resolve("jdbc:sqlite:app.db", "option-user", "option-pass", environment);
        assertThat(options.url().jdbcUrl()).isEqualTo("jdbc:sqlite:app.db");
        assertThat(options.user()).isEqualTo("option-user");
        assertThat(options.password()).isEqualTo("option-pass");
        assertThat(options.describe()).isEqualTo("jdbc:sqlite:app.db as option-user");
    }
}
