package dev.godwit.processor;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * The qualified name of the generated registry: given with the {@value #OPTION} compiler option, or by default
 * {@value #DEFAULT_SIMPLE_NAME} in the longest package common to all classes with migrations.
 *
 * @param packageName the registry's package; empty for the unnamed package
 * @param simpleName the registry's simple name
 */
record RegistryName(String packageName, String simpleName) {

    /** The compiler option ({@code -Agodwit.registry=com.example.AppMigrations}) that names the registry. */
    static final String OPTION = "godwit.registry";

    static final String DEFAULT_SIMPLE_NAME = "GodwitRegistry";

    /** The package of the index classes that name each registry, in every jar: {@link DependencyIds} lists it. */
    static final String INDEX_PACKAGE = "dev.godwit.generated";

    /** The start of every index class's simple name. */
    static final String INDEX_PREFIX = "GodwitIndex_";

    /** Parses the option's value; empty if it is not a qualified class name. */
    static Optional<RegistryName> parse(String qualifiedName) {
        if (!SourceVersion.isName(qualifiedName)) {
            return Optional.empty();
        }
        int dot = qualifiedName.lastIndexOf('.');
        return Optional.of(
                new RegistryName(qualifiedName.substring(0, Math.max(dot, 0)), qualifiedName.substring(dot + 1)));
    }

    /** The default name, in the longest common package of {@code packageNames}. */
    static RegistryName defaultFor(Collection<String> packageNames) {
        List<String> common = null;
        for (String packageName : packageNames) {
            List<String> parts = packageName.isEmpty() ? List.of() : Arrays.asList(packageName.split("\\."));
            if (common == null) {
                common = parts;
            } else {
                int length = 0;
                while (length < common.size()
                        && length < parts.size()
                        && common.get(length).equals(parts.get(length))) {
                    length++;
                }
                common = common.subList(0, length);
            }
        }
        return new RegistryName(common == null ? "" : String.join(".", common), DEFAULT_SIMPLE_NAME);
    }

    /** The qualified name, which is also the binary name: the registry is a top-level class. */
    String qualifiedName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /**
     * The simple name of the index class in {@value #INDEX_PACKAGE} that names this registry: {@value #INDEX_PREFIX}
     * and the registry's binary name with every character that cannot be in an identifier replaced by {@code _}.
     */
    String indexSimpleName() {
        StringBuilder name = new StringBuilder(INDEX_PREFIX);
        qualifiedName().chars().forEach(c -> name.append(Character.isJavaIdentifierPart(c) ? (char) c : '_'));
        return name.toString();
    }
}
