package dev.godwit.cli.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL as a user gives it, turned into what {@link java.sql.DriverManager} takes.
 *
 * <p>Two forms are accepted:
 *
 * <ul>
 *   <li>a JDBC URL ({@code jdbc:postgresql://host:5432/app}, {@code jdbc:sqlite:app.db}), used as it is;
 *   <li>the URL that hosting platforms hand out, {@code postgresql://user:password@host:port/database?params} or
 *       {@code postgres://...}: it becomes {@code jdbc:postgresql://host:port/database?params}, with the
 *       percent-decoded user and password taken out of the URL, to be passed to the driver separately. Several
 *       {@code host:port} pairs separated by commas are kept; no host means {@code localhost}.
 * </ul>
 *
 * Immutable. {@link #toString()} is the {@linkplain #redacted(String) redacted} JDBC URL.
 */
public final class DatabaseUrl {

    private static final Pattern PLATFORM_URL =
            Pattern.compile("(?i)(?:postgres|postgresql)://(?<authority>[^/?#]*)(?<rest>[/?#].*)?", Pattern.DOTALL);

    /** A parameter whose name ends in "password" ({@code password}, {@code sslpassword}) and its value. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(?<=[?&;])(?<name>[a-z_]*password)=(?<value>[^&;#]*)");

    /** The password in the user information of any {@code scheme://user:password@host} URL. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(?<=://)(?<user>[^/?#@:]*):(?<value>[^/?#]*)@");

    private final String jdbcUrl;
    private final String user;
    private final String password;

    private DatabaseUrl(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Parses a URL in either accepted form.
     *
     * @param url the URL as given
     * @return the parsed URL
     * @throws CliException a usage error if the URL is of neither form; the message shows the URL redacted
     */
    public static DatabaseUrl parse(String url) {
        String trimmed = url.strip();
        if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return new DatabaseUrl(trimmed, null, null);
        }
        Matcher platform = PLATFORM_URL.matcher(trimmed);
        if (platform.matches()) {
            return fromPlatformUrl(
                    platform.group("authority"),
                    Optional.ofNullable(platform.group("rest")).orElse(""));
        }
        throw CliException.usage("Unsupported database URL '" + redacted(trimmed) + "': give a JDBC URL"
                + " (jdbc:postgresql://host:5432/database, jdbc:sqlite:path/to/file.db) or"
                + " postgresql://user:password@host:5432/database.");
    }

    private static DatabaseUrl fromPlatformUrl(String authority, String rest) {
        String user = null;
        String password = null;
        String hosts = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hosts = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
            if (user.isEmpty()) {
                user = null;
            }
        }
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        String path = rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest;
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        return new DatabaseUrl("jdbc:postgresql://" + hosts + path, user, password);
    }

    /**
     * Returns the URL for the JDBC driver.
     *
     * @return the JDBC URL; it may hold a password as a parameter, so show {@link #redacted(String)} instead
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Returns the user name taken out of a {@code postgresql://} URL.
     *
     * @return the decoded user name, or empty
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Returns the password taken out of a {@code postgresql://} URL.
     *
     * @return the decoded password, or empty
     */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * Returns whether the JDBC URL is an SQLite one.
     *
     * @return {@code true} for {@code jdbc:sqlite:...}
     */
    public boolean isSqlite() {
        return jdbcUrl.regionMatches(true, 0, "jdbc:sqlite:", 0, 12);
    }

    /**
     * Returns whether the JDBC URL is a PostgreSQL one.
     *
     * @return {@code true} for {@code jdbc:postgresql:...}
     */
    public boolean isPostgresql() {
        return jdbcUrl.regionMatches(true, 0, "jdbc:postgresql:", 0, 16);
    }

    /**
     * Returns {@code url} with every password in it replaced by {@code ***}: the values of parameters whose name ends
     * in {@code password} ({@code ?password=...}, {@code ;password=...}) and the password of
     * {@code scheme://user:password@host}.
     *
     * @param url any URL, in any form
     * @return the URL, safe to show
     */
    public static String redacted(String url) {
        String withoutParameters = PASSWORD_PARAMETER.matcher(url).replaceAll("${name}=***");
        return USERINFO_PASSWORD.matcher(withoutParameters).replaceAll("${user}:***@");
    }

    /**
     * Returns the passwords that appear in {@code text}, as written and percent-decoded, so that they can be kept out
     * of everything the command prints. Looks for the same two places as {@link #redacted(String)}, anywhere in
     * the text (a command-line argument, an environment variable).
     *
     * @param text any text
     * @return the passwords found; empty ones are left out
     */
    public static List<String> passwordsIn(String text) {
        List<String> passwords = new ArrayList<>();
        for (Pattern pattern : List.of(PASSWORD_PARAMETER, USERINFO_PASSWORD)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String value = matcher.group("value");
                if (!value.isEmpty()) {
                    passwords.add(value);
                    decodeQuietly(value)
                            .filter(decoded -> !decoded.equals(value))
                            .ifPresent(passwords::add);
                }
            }
        }
        return passwords;
    }

    @Override
    public String toString() {
        return redacted(jdbcUrl);
    }

    /** Percent-decodes as RFC 3986 does: unlike {@link java.net.URLDecoder}, a {@code +} stays a {@code +}. */
    private static String decode(String text, String what) {
        return decodeQuietly(text)
                .orElseThrow(() -> CliException.usage("The " + what + " in the database URL has a malformed percent"
                        + " escape: write a '%' as %25 and other reserved characters as %XX."));
    }

    private static Optional<String> decodeQuietly(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int end = text.indexOf('%', i);
                byte[] encoded =
                        text.substring(i, end < 0 ? text.length() : end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = (end < 0 ? text.length() : end) - 1;
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
