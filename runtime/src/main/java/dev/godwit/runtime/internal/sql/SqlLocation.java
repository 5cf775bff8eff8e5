package dev.godwit.runtime.internal.sql;

import dev.godwit.runtime.InvalidConfigurationException;
import java.util.regex.Pattern;

/** The class path folder that holds SQL migrations: {@code db/migration} unless configured. */
public final class SqlLocation {

    /** The location used unless the runner is told otherwise. */
    public static final String DEFAULT = "db/migration";

    private static final String SEGMENT = "[A-Za-z0-9_.-]+";
    private static final Pattern PATTERN = Pattern.compile(SEGMENT + "(/" + SEGMENT + ")*");

    private SqlLocation() {}

    /**
     * Checks a location given as an option.
     *
     * @param location a resource path such as {@code db/migration}
     * @return the location
     * @throws InvalidConfigurationException if it is not folder names of {@code [A-Za-z0-9_.-]} separated by
     *     {@code /}, without a leading or trailing {@code /} and without {@code .} or {@code ..}
     */
    public static String check(String location) {
        boolean valid = PATTERN.matcher(location).matches();
        for (String segment : location.split("/", -1)) {
            valid &= !segment.equals(".") && !segment.equals("..");
        }
        if (!valid) {
            throw new InvalidConfigurationException("Invalid SQL migration location '" + location
                    + "' given to MigrationRunner.Builder.sqlLocation(String): a location is a resource path on the"
                    + " class path, folder names of [A-Za-z0-9_.-] separated by '/', such as " + DEFAULT
                    + ", without a leading or trailing '/', '.' or '..' and without a 'classpath:' prefix.");
        }
        return location;
    }
}
