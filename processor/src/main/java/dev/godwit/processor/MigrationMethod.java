package dev.godwit.processor;

import dev.godwit.MigrationIds;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One valid {@code @Migration} method, as plain names and values: what the generator needs, kept between rounds
 * without holding on to javac's elements.
 *
 * @param id the migration ID, valid
 * @param packageName the package of the declaring class; empty for the unnamed package
 * @param simpleNames the simple names of the declaring class and the classes enclosing it, outermost first
 * @param methodName the method's name
 * @param isStatic whether the method is static (else the runner provides an instance)
 * @param parameters the method's parameters, in order
 * @param documentation the method's doc comment without its block tags; empty if it has none
 * @param checksum the checksum of the method's syntax tree ({@link MethodChecksums}); {@code null} where the compiler
 *     offered no tree
 * @param transactional whether the migration runs in a transaction with its tracking row ({@code @Migration}'s
 *     {@code transactional})
 * @param runUntil the threshold of an interval migration, as written (a valid ISO-8601 instant); {@code null} if it
 *     has none
 * @param after the IDs of its prerequisites, in the order declared
 * @param hasConstructor for an instance method, whether the class has a no-argument constructor the generated code
 *     can call; else only the runner's instance factory can supply an instance
 */
record MigrationMethod(
        String id,
        String packageName,
        List<String> simpleNames,
        String methodName,
        boolean isStatic,
        List<ParameterKind> parameters,
        String documentation,
        String checksum,
        boolean transactional,
        String runUntil,
        List<String> after,
        boolean hasConstructor) {

    /** The suffix of the generated class that calls a class's migrations. */
    static final String INVOKER_SUFFIX = "_GodwitMigrations";

    MigrationMethod {
        simpleNames = List.copyOf(simpleNames);
        parameters = List.copyOf(parameters);
        after = List.copyOf(after);
    }

    /** The canonical name of the declaring class: {@code com.example.Outer.Inner}. */
    String className() {
        String nested = String.join(".", simpleNames);
        return packageName.isEmpty() ? nested : packageName + "." + nested;
    }

    /** The method as messages and {@code MigrationDefinition.source()} name it: {@code com.example.Outer#method}. */
    String source() {
        return className() + "#" + methodName;
    }

    /** A Javadoc reference to the method, with fully qualified parameter types. */
    String javadocReference() {
        return source() + parameters.stream().map(ParameterKind::typeName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The name of the registry's constant for the ID. */
    String constantName() {
        return MigrationIds.constantName(id);
    }

    /**
     * The simple name of the invoker generated beside the declaring class: the nested names joined by {@code _},
     * so {@code Outer.Inner} gets {@code Outer_Inner_GodwitMigrations}.
     */
    String invokerName() {
        return String.join("_", simpleNames) + INVOKER_SUFFIX;
    }

    /** The qualified name of the invoker. */
    String invokerQualifiedName() {
        return packageName.isEmpty() ? invokerName() : packageName + "." + invokerName();
    }
}
