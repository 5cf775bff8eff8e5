package dev.godwit.bench;

import java.util.List;

/**
 * The ways of migrating that the benchmark compares: Godwit twice, with the same runtime and the same runner call, once
 * with migration bodies on JDBC (the very bodies of Flyway and the JDBC loop) and once through the JDBI {@code Handle},
 * so that the report separates what the runner costs from what JDBI costs; Flyway; and two hand-written loops, the
 * lower bounds: the JDBC loop, the database work alone, and the JDBI loop, the same loop with Godwit's {@code Handle}
 * bodies, the database work plus JDBI for the bodies alone.
 */
enum Contender {
    GODWIT_JDBC("Godwit (JDBC)", "dev.godwit.bench.child.GodwitContender", "godwit", "godwit-jdbc"),
    GODWIT("Godwit (Handle)", "dev.godwit.bench.child.GodwitContender", "godwit", "godwit"),
    FLYWAY("Flyway", "dev.godwit.bench.child.FlywayContender", "flyway", "flyway"),
    JDBC_LOOP("JDBC loop", "dev.godwit.bench.child.JdbcLoopContender", "jdbc", "jdbc"),
    /** A reference for Godwit (Handle), not a target of the issue: {@link Targets} holds Godwit to the JDBC loop. */
    JDBI_LOOP("JDBI loop", "dev.godwit.bench.child.JdbiLoopContender", "jdbi", "jdbi");

    /** The Godwit variants, in the order of the report's columns and of the targets checked for each. */
    static final List<Contender> GODWITS = List.of(GODWIT_JDBC, GODWIT);

    private final String label;
    private final String childClass;
    private final String classPathName;
    private final String workName;

    Contender(String label, String childClass, String classPathName, String workName) {
        this.label = label;
        this.childClass = childClass;
        this.classPathName = classPathName;
        this.workName = workName;
    }

    String label() {
        return label;
    }

    /** The {@code dev.godwit.bench.child.Contender} that the child JVM runs. */
    String childClass() {
        return childClass;
    }

    /**
     * The name of its class path in {@link ClassPaths}: the libraries, shared by the two Godwit variants, which differ
     * only in their generated migrations. The loops' own classes are this module's, on every child's class path.
     */
    String classPathName() {
        return classPathName;
    }

    /**
     * Its own name in the work directory (generated sources, classes) and in the child logs. Each contender needs its
     * own classes: Godwit finds its registries through {@code ServiceLoader}, so a child that saw both variants' would
     * run both sets of migrations.
     */
    String workName() {
        return workName;
    }
}
