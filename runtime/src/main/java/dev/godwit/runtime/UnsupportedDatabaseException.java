package dev.godwit.runtime;

/**
 * The {@link org.jdbi.v3.core.Jdbi} given to the runner connects to a database Godwit does not support. The kind of
 * database is read from the JDBC driver's metadata ({@link java.sql.DatabaseMetaData#getDatabaseProductName()});
 * the supported ones are those of {@link DatabaseKind}. Thrown before anything is written to the database.
 */
public class UnsupportedDatabaseException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String productName;

    /**
     * Creates the exception.
     *
     * @param productName the product name the JDBC driver reported
     * @param message the product and the supported databases
     */
    public UnsupportedDatabaseException(String productName, String message) {
        super(message);
        this.productName = productName;
    }

    /**
     * Returns the database product name the JDBC driver reported.
     *
     * @return the product name, as the driver spells it
     */
    public String productName() {
        return productName;
    }
}
