package dev.godwit.runtime;

import java.util.List;

/**
 * SQL migration files that cannot be used: a {@code .sql} file whose name is not {@code <id>.sql},
 * {@code <id>.postgresql.sql} or {@code <id>.sqlite.sql}, a file in a subfolder of the location, a file that is not
 * UTF-8 or cannot be read, a location on the class path that is neither a folder nor in a jar, or a migration with
 * variants for other databases only and no plain file. The message lists every such problem, each naming the file
 * or URL and the fix. Thrown before anything runs.
 */
public class InvalidSqlMigrationException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String[] problems;

    /**
     * Creates the exception.
     *
     * @param problems each problem, naming its file or URL and the fix; not empty
     */
    public InvalidSqlMigrationException(List<String> problems) {
        super(message(problems));
        this.problems = problems.toArray(String[]::new);
    }

    /**
     * Creates the exception for one problem with its cause.
     *
     * @param problem the problem, naming its file or URL and the fix
     * @param cause the I/O exception
     */
    public InvalidSqlMigrationException(String problem, Throwable cause) {
        super(message(List.of(problem)), cause);
        this.problems = new String[] {problem};
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        return (problems.size() == 1
                        ? problems.get(0)
                        : problems.size() + " problems with SQL migrations:\n  " + String.join("\n  ", problems))
                + "\nNothing has run.";
    }

    /**
     * Returns each problem found.
     *
     * @return the problems, each naming its file or URL
     */
    public List<String> problems() {
        return List.of(problems);
    }
}
