package dev.godwit.processor;

import java.util.List;

/**
 * One generated invoker: the class that calls, from their own package, the migrations of the classes of one package
 * that arrived in one round. One per package rather than one per class, because every generated source is one more
 * file javac must parse, enter and compile, and re-enter in each later round.
 *
 * @param packageName the package of the invoker and of its classes; empty for the unnamed package
 * @param simpleName the invoker's simple name, that of its first class ({@link MigrationMethod#invokerName()})
 * @param migrations the migrations it calls, in ID order: the position in this list is the index of its {@code run}
 */
record Invoker(String packageName, String simpleName, List<MigrationMethod> migrations) {

    Invoker {
        migrations = List.copyOf(migrations);
    }

    /** The qualified name of the invoker. */
    String qualifiedName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
