package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MethodRulesTest {

    @Test
    void privateMethodIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    private static void hidden() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.privateMethod("com.example.Migrations#hidden"))
                .inFile(migrations)
                .onLine(7);
    }

    @Test
    void abstractMethodIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "abstract class Migrations {",
                "    @Migration(\"v1\")",
                "    abstract void later();",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.abstractMethod("com.example.Migrations#later"))
                .inFile(migrations)
                .onLine(7);
    }

    @Test
    void genericMethodIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    static <T> void generic() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.genericMethod("com.example.Migrations#generic"))
                .inFile(migrations)
                .onLine(7);
    }

    @Test
    void methodReturningAValueIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    static int count() {",
                "        return 0;",
                "    }",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.nonVoidMethod("com.example.Migrations#count", "int"))
                .inFile(migrations)
                .onLine(7);
    }

    @Test
    void unsupportedParameterIsAnErrorOnTheParameter() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    static void withName(Handle handle,",
                "            String name) {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.unsupportedParameter("com.example.Migrations#withName", "name", "java.lang.String"))
                .inFile(migrations)
                .onLine(9);
    }

    @Test
    void jdbiTypeThatIsNotAHandleIsUnsupported() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import org.jdbi.v3.core.Jdbi;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    static void withJdbi(Jdbi jdbi) {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.unsupportedParameter(
                        "com.example.Migrations#withJdbi", "jdbi", "org.jdbi.v3.core.Jdbi"))
                .inFile(migrations)
                .onLine(8);
    }

    @Test
    void repeatedParameterTypeIsAnErrorOnTheSecond() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    static void twice(Handle first,",
                "            Handle second) {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.repeatedParameter("com.example.Migrations#twice", "second", "org.jdbi.v3.core.Handle"))
                .inFile(migrations)
                .onLine(9);
    }

    @Test
    void supportedParametersMayComeInAnyOrderOrNotAtAll() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "import dev.godwit.runtime.MigrationContext;",
                "import org.jdbi.v3.core.Handle;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\") static void none() {}",
                "    @Migration(\"v2\") static void handle(Handle handle) {}",
                "    @Migration(\"v3\") static void context(MigrationContext context) {}",
                "    @Migration(\"v4\") static void both(Handle handle, MigrationContext context) {}",
                "    @Migration(\"v5\") static void reversed(MigrationContext context, Handle handle) {}",
                "    @Migration(\"v6\") static void throwing(Handle handle) throws Exception {}",
                "    @Migration(\"v7\") static void jdbc(java.sql.Connection connection) throws java.sql.SQLException {}",
                "    @Migration(\"v8\") static void all(",
                "            java.sql.Connection connection, MigrationContext context, Handle handle) {}",
                "}");

        assertThat(compile(migrations)).succeededWithoutWarnings();
    }

    @Test
    void everyProblemOfOneMethodIsReported() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"not valid\")",
                "    private static <T> T everything(",
                "            T value) {",
                "        return value;",
                "    }",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(5);
        String method = "com.example.Migrations#everything";
        assertThat(compilation)
                .hadErrorContaining(Messages.idNotMatching("not valid"))
                .inFile(migrations)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(Messages.privateMethod(method))
                .inFile(migrations)
                .onLine(7);
        assertThat(compilation)
                .hadErrorContaining(Messages.genericMethod(method))
                .inFile(migrations)
                .onLine(7);
        assertThat(compilation)
                .hadErrorContaining(Messages.nonVoidMethod(method, "T"))
                .inFile(migrations)
                .onLine(7);
        assertThat(compilation)
                .hadErrorContaining(Messages.unsupportedParameter(method, "value", "T"))
                .inFile(migrations)
                .onLine(8);
    }

    @Test
    void problemsOfEveryMethodInTheCompilationAreReported() {
        JavaFileObject first = source(
                "com.example.First",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class First {",
                "    @Migration(\"v1\") private static void hidden() {}",
                "    @Migration(\"v2\") static int counted() { return 0; }",
                "}");
        JavaFileObject second = source(
                "com.example.Second",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Second {",
                "    @Migration(\"\") static void unnamed() {}",
                "}");

        Compilation compilation = compile(first, second);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining(Messages.privateMethod("com.example.First#hidden"))
                .inFile(first)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(Messages.nonVoidMethod("com.example.First#counted", "int"))
                .inFile(first)
                .onLine(7);
        assertThat(compilation)
                .hadErrorContaining(Messages.emptyId())
                .inFile(second)
                .onLine(6);
    }

    @Test
    void unresolvableParameterTypeLeavesTheErrorToJavac() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\")",
                "    static void withMissing(Missing missing) {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(migrations)
                .onLine(7);
    }

    @Test
    void unresolvableIdConstantLeavesTheErrorToJavac() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(Ids.MISSING)",
                "    static void withMissingId() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(migrations)
                .onLine(6);
    }
}
