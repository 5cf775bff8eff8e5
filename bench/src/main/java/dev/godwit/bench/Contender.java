package dev.godwit.bench;

/** The three ways of migrating that the benchmark compares. */
enum Contender {
    GODWIT("Godwit", "dev.godwit.bench.child.GodwitContender", "godwit"),
    FLYWAY("Flyway", "dev.godwit.bench.child.FlywayContender", "flyway"),
    JDBC_LOOP("JDBC loop", "dev.godwit.bench.child.JdbcLoopContender", "jdbc");

    private final String label;
    private final String childClass;
    private final String classPathName;

    Contender(String label, String childClass, String classPathName) {
        this.label = label;
        this.childClass = childClass;
        this.classPathName = classPathName;
    }

    String label() {
        return label;
    }

    /** The {@code dev.godwit.bench.child.Contender} that the child JVM runs. */
    String childClass() {
        return childClass;
    }

    /** The name of its class path in {@link ClassPaths}. */
    String classPathName() {
        return classPathName;
    }
}
