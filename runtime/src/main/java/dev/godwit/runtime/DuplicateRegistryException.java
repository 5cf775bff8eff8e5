package dev.godwit.runtime;

/**
 * Two {@code META-INF/services/dev.godwit.runtime.MigrationRegistry} files on the class path, from two different
 * jars or folders, list a registry class of the same name.
 *
 * <p>Only one class of that name can be loaded, so {@link java.util.ServiceLoader} would silently load one of them
 * and the migrations of the other would never run. This happens when two modules were compiled with the same
 * registry name. The fix is to give one of them another name with the processor option
 * {@code -Agodwit.registry=<unique name>}. Thrown before any database work.
 */
public class DuplicateRegistryException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String registryClassName;

    /**
     * Creates the exception.
     *
     * @param registryClassName the class name listed twice
     * @param message both resources that list it, and the fix
     */
    public DuplicateRegistryException(String registryClassName, String message) {
        super(message);
        this.registryClassName = registryClassName;
    }

    /**
     * Returns the registry class name that two resources list.
     *
     * @return the fully qualified class name
     */
    public String registryClassName() {
        return registryClassName;
    }
}
