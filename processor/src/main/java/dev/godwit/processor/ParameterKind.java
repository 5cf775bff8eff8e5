package dev.godwit.processor;

import java.util.Optional;

/**
 * The kinds of parameter a {@code @Migration} method may declare, each with the expression the generated code
 * passes for it. A new kind is one constant here plus a method on {@code MigrationInvocation}.
 */
enum ParameterKind {
    HANDLE("org.jdbi.v3.core.Handle", "invocation.handle()"),
    CONNECTION("java.sql.Connection", "invocation.connection()"),
    CONTEXT("dev.godwit.runtime.MigrationContext", "invocation.context()");

    private final String typeName;
    private final String argument;

    ParameterKind(String typeName, String argument) {
        this.typeName = typeName;
        this.argument = argument;
    }

    /** The qualified name of the parameter's type. */
    String typeName() {
        return typeName;
    }

    /** The expression the generated invoker passes, in terms of its {@code invocation} parameter. */
    String argument() {
        return argument;
    }

    /** Returns the kind whose type has the qualified name {@code typeName}, if Godwit supplies that type. */
    static Optional<ParameterKind> forType(String typeName) {
        for (ParameterKind kind : values()) {
            if (kind.typeName.equals(typeName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Lists the supported types for messages: {@code org.jdbi.v3.core.Handle and dev.godwit...}. */
    static String describeAll() {
        StringBuilder all = new StringBuilder();
        ParameterKind[] kinds = values();
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                all.append(i == kinds.length - 1 ? " and " : ", ");
            }
            all.append(kinds[i].typeName);
        }
        return all.toString();
    }
}
