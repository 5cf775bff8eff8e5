package dev.godwit.cli.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where to connect and as whom, from the command-line options and the environment.
 *
 * <p>Each setting is taken from the first place that has it:
 *
 * <ul>
 *   <li>URL: {@code --url}, then {@value #URL_VARIABLE}, then {@value #FALLBACK_URL_VARIABLE};
 *   <li>user: {@code --user}, then {@value #USER_VARIABLE}, then the user of a {@code postgresql://} URL;
 *   <li>password: {@code --password}, then {@value #PASSWORD_VARIABLE}, then the password of a
 *       {@code postgresql://} URL.
 * </ul>
 *
 * Empty environment variables count as unset.
 *
 * @param url the parsed URL
 * @param urlSource where the URL came from, for messages: {@code --url} or the variable's name
 * @param user the user name, or {@code null} to leave it to the URL or the driver
 * @param password the password, or {@code null}
 */
public record ConnectionSettings(DatabaseUrl url, String urlSource, String user, String password) {

    /** The environment variable read for the URL when {@code --url} is not given. */
    public static final String URL_VARIABLE = "GODWIT_DATABASE_URL";

    /** The environment variable read for the URL when neither {@code --url} nor {@value #URL_VARIABLE} is set. */
    public static final String FALLBACK_URL_VARIABLE = "DATABASE_URL";

    /** The environment variable read for the user name when {@code --user} is not given. */
    public static final String USER_VARIABLE = "GODWIT_DATABASE_USER";

    /** The environment variable read for the password when {@code --password} is not given. */
    public static final String PASSWORD_VARIABLE = "GODWIT_DATABASE_PASSWORD";

    /**
     * Resolves the settings.
     *
     * @param urlOption {@code --url}, or {@code null}
     * @param userOption {@code --user}, or {@code null}
     * @param passwordOption {@code --password}, or {@code null}
     * @param environment the process's environment variables
     * @return the settings
     * @throws CliException a usage error if no URL is given anywhere, or it is of neither accepted form
     */
    public static ConnectionSettings resolve(
            String urlOption, String userOption, String passwordOption, Map<String, String> environment) {
        String source = "--url";
        String text = urlOption;
        for (String variable : List.of(URL_VARIABLE, FALLBACK_URL_VARIABLE)) {
            if (blank(text)) {
                source = variable;
                text = environment.get(variable);
            }
        }
        if (blank(text)) {
            throw CliException.usage("No database URL: give --url, or set " + URL_VARIABLE + " or "
                    + FALLBACK_URL_VARIABLE + " (jdbc:postgresql://host:5432/database, jdbc:sqlite:file.db or"
                    + " postgresql://user:password@host:5432/database).");
        }
        DatabaseUrl url = DatabaseUrl.parse(text);
        String user = first(userOption, environment.get(USER_VARIABLE), url.user());
        String password = first(passwordOption, environment.get(PASSWORD_VARIABLE), url.password());
        return new ConnectionSettings(url, source, user, password);
    }

    /**
     * Returns the settings for messages: the redacted URL, where it came from, and the user.
     *
     * @return such as {@code jdbc:postgresql://db:5432/app (from DATABASE_URL) as app}
     */
    public String describe() {
        return url
                + ("--url".equals(urlSource) ? "" : " (from " + urlSource + ")")
                + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String first(String option, String variable, Optional<String> fromUrl) {
        if (!blank(option)) {
            return option;
        }
        if (!blank(variable)) {
            return variable;
        }
        return fromUrl.orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
