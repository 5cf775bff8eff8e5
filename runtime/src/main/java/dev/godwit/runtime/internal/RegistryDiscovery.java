package dev.godwit.runtime.internal;

import dev.godwit.runtime.DuplicateRegistryException;
import dev.godwit.runtime.InvalidRegistryException;
import dev.godwit.runtime.MigrationRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ref.SoftReference;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;

/** Finds the registries on the class path, as {@link ServiceLoader} does, and what it would silently get wrong. */
final class RegistryDiscovery {

    static final String RESOURCE = "META-INF/services/" + MigrationRegistry.class.getName();

    /**
     * The registries found before, per class loader: the classes a class loader lists cannot change, and a JVM that
     * runs again (a test suite, a warm restart) need not read the resources and create the registries again. The
     * list is held softly, because its registries' classes hold their class loader, which a weak key alone would then
     * never let go of.
     */
    private static final Map<ClassLoader, SoftReference<List<MigrationRegistry>>> FOUND = new WeakHashMap<>();

    private RegistryDiscovery() {}

    /**
     * Returns every registry listed by a {@link #RESOURCE} resource of the class loader; the same registries for the
     * same class loader.
     *
     * @throws DuplicateRegistryException if two resources list the same class name
     * @throws InvalidRegistryException if a resource cannot be read or a listed registry cannot be loaded
     */
    static List<MigrationRegistry> discover(ClassLoader classLoader) {
        synchronized (FOUND) {
            SoftReference<List<MigrationRegistry>> found = FOUND.get(classLoader);
            List<MigrationRegistry> registries = found == null ? null : found.get();
            if (registries != null) {
                return registries;
            }
        }
        List<MigrationRegistry> registries = List.copyOf(find(classLoader));
        synchronized (FOUND) {
            FOUND.put(classLoader, new SoftReference<>(registries));
        }
        return registries;
    }

    private static List<MigrationRegistry> find(ClassLoader classLoader) {
        requireUniqueClassNames(classLoader);
        List<MigrationRegistry> registries = new ArrayList<>();
        try {
            ServiceLoader.load(MigrationRegistry.class, classLoader).forEach(registries::add);
        } catch (ServiceConfigurationError e) {
            throw new InvalidRegistryException(
                    "Could not load a migration registry listed in " + RESOURCE + ": " + e.getMessage()
                            + ". Rebuild the module that lists it, or remove the stale resource.",
                    e);
        }
        return registries;
    }

    /**
     * Fails if two resources (two jars, or a jar and a folder) list the same class name. Only one class of a name
     * can be loaded, so {@link ServiceLoader} would load one registry and drop the other without a word: that
     * module's migrations would never run. Generated registries get the same name when two modules are compiled
     * without {@code -Agodwit.registry}.
     */
    private static void requireUniqueClassNames(ClassLoader classLoader) {
        Map<String, URL> listedBy = new HashMap<>();
        for (URL resource : resources(classLoader)) {
            for (String className : classNames(resource)) {
                URL first = listedBy.putIfAbsent(className, resource);
                // One resource reachable twice (a jar seen by two class loaders) is the same resource.
                if (first != null && !first.toString().equals(resource.toString())) {
                    throw new DuplicateRegistryException(
                            className,
                            "Two resources list the migration registry class " + className + ":\n  " + first + "\n  "
                                    + resource + "\nOnly one class of that name can be loaded, so the migrations of"
                                    + " the other module would never run. Compile one of the two modules with the"
                                    + " processor option -Agodwit.registry=<unique name> to give its registry"
                                    + " another name.");
                }
            }
        }
    }

    private static List<URL> resources(ClassLoader classLoader) {
        try {
            return Collections.list(classLoader.getResources(RESOURCE));
        } catch (IOException e) {
            throw new InvalidRegistryException("Could not list the " + RESOURCE + " resources: " + e.getMessage(), e);
        }
    }

    /** Reads a provider-configuration file as {@link ServiceLoader} does: UTF-8, {@code #} comments, blank lines. */
    private static Set<String> classNames(URL resource) {
        Set<String> names = new LinkedHashSet<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new InvalidRegistryException("Could not read " + resource + ": " + e.getMessage(), e);
        }
        return names;
    }
}
