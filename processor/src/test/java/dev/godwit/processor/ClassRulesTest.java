package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.generatedSource;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ClassRulesTest {

    @Test
    void privateNestedClassIsAnErrorOnTheClassOnce() {
        JavaFileObject migrations = source(
                "com.example.Outer",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Outer {",
                "    private static class Hidden {",
                "        @Migration(\"v1\") static void first() {}",
                "        @Migration(\"v2\") static void second() {}",
                "    }",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.privateClass("com.example.Outer.Hidden"))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void privateEnclosingClassIsAnErrorOnIt() {
        JavaFileObject migrations = source(
                "com.example.Outer",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Outer {",
                "    private static class Hidden {",
                "        static class Nested {",
                "            @Migration(\"v1\") static void first() {}",
                "        }",
                "        static class Other {",
                "            @Migration(\"v2\") static void second() {}",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.privateClass("com.example.Outer.Hidden"))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void innerClassIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Outer",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Outer {",
                "    class Inner {",
                "        @Migration(\"v1\") void first() {}",
                "    }",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.innerClass("com.example.Outer.Inner"))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void localClassIsAnErrorOnTheMethod() {
        JavaFileObject migrations = source(
                "com.example.Outer",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Outer {",
                "    @Migration(\"v1\") static void reachable() {}",
                "",
                "    void method() {",
                "        class Local {",
                "            @Migration(\"v2\") void unreachable() {}",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.localClass("@Migration method unreachable", "com.example.Outer"))
                .inFile(migrations)
                .onLine(10);
    }

    @Test
    void anonymousClassIsAnErrorOnTheMethod() {
        JavaFileObject migrations = source(
                "com.example.Outer",
                "package com.example;",
                "",
                "class Outer {",
                "    @dev.godwit.Migration(\"v1\") static void reachable() {}",
                "",
                "    static final Runnable TASK = new Runnable() {",
                "        @dev.godwit.Migration(\"v2\")",
                "        public void run() {}",
                "    };",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.localClass("@Migration method run", "com.example.Outer"))
                .inFile(migrations)
                .onLine(8);
    }

    @Test
    void staticMethodOfAnInterfaceIsFine() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "interface Migrations {",
                "    @Migration(\"v1\") static void first() {}",
                "}");

        assertThat(compile(migrations)).succeededWithoutWarnings();
    }

    @Test
    void defaultMethodOfAnInterfaceIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "interface Migrations {",
                "    @Migration(\"v1\") default void first() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.notInstantiable(
                        "com.example.Migrations#first", "com.example.Migrations", "an interface"))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void instanceMethodOfAnAbstractClassIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "abstract class Migrations {",
                "    @Migration(\"v1\") void first() {}",
                "    @Migration(\"v2\") static void second() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.notInstantiable("com.example.Migrations#first", "com.example.Migrations", "abstract"))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void instanceMethodOfAnEnumIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "enum Migrations {",
                "    ONLY;",
                "",
                "    @Migration(\"v1\") void first() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.notInstantiable("com.example.Migrations#first", "com.example.Migrations", "an enum"))
                .inFile(migrations)
                .onLine(8);
    }

    @Test
    void instanceMethodWithoutANoArgumentConstructorIsLeftToTheInstanceFactory() {
        assertInstanceComesFromTheFactory("    Migrations(String name) {}");
    }

    @Test
    void instanceMethodWithAPrivateNoArgumentConstructorIsLeftToTheInstanceFactory() {
        assertInstanceComesFromTheFactory("    private Migrations() {}");
    }

    @Test
    void instanceMethodWhoseConstructorThrowsACheckedExceptionIsLeftToTheInstanceFactory() {
        assertInstanceComesFromTheFactory("    Migrations() throws java.io.IOException {}");
    }

    private static void assertInstanceComesFromTheFactory(String constructor) {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                constructor,
                "",
                "    @Migration(\"v1\") void first() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.Migrations_GodwitMigrations"))
                .contains("case 0 -> invocation.instance(Migrations.class).first();");
    }

    @Test
    void instanceMethodsWithUsableConstructorsAreFine() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    protected Migrations() throws IllegalStateException {}",
                "",
                "    Migrations(String name) {}",
                "",
                "    @Migration(\"v1\") void first() {}",
                "",
                "    static final class Implicit {",
                "        @Migration(\"v2\") protected void second() {}",
                "    }",
                "",
                "    record Empty() {",
                "        @Migration(\"v3\") void third() {}",
                "    }",
                "}");

        assertThat(compile(migrations)).succeededWithoutWarnings();
    }

    @Test
    void classesOfOnePackageShareOneInvokerNamedAfterTheFirst() {
        JavaFileObject nested = source(
                "com.example.Outer",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Outer {",
                "    static class Inner {",
                "        @Migration(\"v1\") static void first() {}",
                "    }",
                "}");
        JavaFileObject underscored = source(
                "com.example.Outer_Inner",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Outer_Inner {",
                "    @Migration(\"v2\") static void second() {}",
                "}");

        Compilation compilation = compile(nested, underscored);

        assertThat(compilation).succeededWithoutWarnings();
        Assertions.assertThat(generatedSource(compilation, "com.example.Outer_Inner_GodwitMigrations"))
                .contains("case 0 -> Outer.Inner.first();", "case 1 -> Outer_Inner.second();");
    }

    @Test
    void classOfTheInvokersNameIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\") static void first() {}",
                "}");
        JavaFileObject taken = source(
                "com.example.Migrations_GodwitMigrations",
                "package com.example;",
                "",
                "class Migrations_GodwitMigrations {}");

        Compilation compilation = compile(migrations, taken);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.invokerNameTaken("com.example.Migrations", "com.example.Migrations_GodwitMigrations"))
                .inFile(migrations)
                .onLine(5);
    }
}
