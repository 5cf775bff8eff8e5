package dev.godwit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.godwit.processor.Compilations.compile;
import static dev.godwit.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class IdRulesTest {

    @Test
    void sameIdInTwoClassesIsAnErrorOnEachNamingTheOther() {
        JavaFileObject catalog = source(
                "com.example.catalog.CatalogMigrations",
                "package com.example.catalog;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class CatalogMigrations {",
                "    @Migration(\"v1_init\")",
                "    static void createBooks() {}",
                "}");
        JavaFileObject billing = source(
                "com.example.billing.BillingMigrations",
                "package com.example.billing;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class BillingMigrations {",
                "    @Migration(\"v1_init\")",
                "    static void createInvoices() {}",
                "}");

        Compilation compilation = compile(catalog, billing);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(Messages.duplicateId(
                        "v1_init", List.of("com.example.billing.BillingMigrations#createInvoices")))
                .inFile(catalog)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.duplicateId("v1_init", List.of("com.example.catalog.CatalogMigrations#createBooks")))
                .inFile(billing)
                .onLine(6);
    }

    @Test
    void sameIdOnThreeMethodsNamesBothOthersOnEach() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1\") static void a() {}",
                "    @Migration(\"v1\") static void b() {}",
                "    @Migration(\"v1\") static void c() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.duplicateId("v1", List.of("com.example.Migrations#b", "com.example.Migrations#c")))
                .inFile(migrations)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.duplicateId("v1", List.of("com.example.Migrations#a", "com.example.Migrations#c")))
                .inFile(migrations)
                .onLine(7);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.duplicateId("v1", List.of("com.example.Migrations#a", "com.example.Migrations#b")))
                .inFile(migrations)
                .onLine(8);
    }

    @Test
    void idsThatBecomeTheSameConstantClash() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1.2\") static void dotted() {}",
                "    @Migration(\"v1_2\") static void underscored() {}",
                "    @Migration(\"V3\") static void upper() {}",
                "    @Migration(\"v3\") static void lower() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.constantClash("v1.2", "V1_2", List.of("'v1_2' of com.example.Migrations#underscored")))
                .inFile(migrations)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(
                        Messages.constantClash("v1_2", "V1_2", List.of("'v1.2' of com.example.Migrations#dotted")))
                .inFile(migrations)
                .onLine(7);
        assertThat(compilation)
                .hadErrorContaining(Messages.constantClash("V3", "V3", List.of("'v3' of com.example.Migrations#lower")))
                .inFile(migrations)
                .onLine(8);
        assertThat(compilation)
                .hadErrorContaining(Messages.constantClash("v3", "V3", List.of("'V3' of com.example.Migrations#upper")))
                .inFile(migrations)
                .onLine(9);
    }

    @Test
    void emptyIdIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"\")",
                "    static void unnamed() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.emptyId())
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void idLongerThan255CharactersIsAnError() {
        String id = "v".repeat(256);
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"" + id + "\")",
                "    static void verbose() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.idTooLong(id))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void idOf255CharactersIsValid() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"" + "v".repeat(255) + "\")",
                "    static void verbose() {}",
                "}");

        assertThat(compile(migrations)).succeededWithoutWarnings();
    }

    @Test
    void idWithASpaceIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"v1 init\")",
                "    static void init() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.idNotMatching("v1 init"))
                .inFile(migrations)
                .onLine(6);
    }

    @Test
    void idStartingWithASeparatorOrHoldingAQuoteIsAnError() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    @Migration(\"_v1\") static void leadingUnderscore() {}",
                "    @Migration(\"v2'; DROP TABLE books; --\") static void quoted() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining(Messages.idNotMatching("_v1"))
                .inFile(migrations)
                .onLine(6);
        assertThat(compilation)
                .hadErrorContaining(Messages.idNotMatching("v2'; DROP TABLE books; --"))
                .inFile(migrations)
                .onLine(7);
    }

    @Test
    void idFromAConstantIsChecked() {
        JavaFileObject migrations = source(
                "com.example.Migrations",
                "package com.example;",
                "",
                "import dev.godwit.Migration;",
                "",
                "class Migrations {",
                "    static final String PREFIX = \"v1 \";",
                "",
                "    @Migration(PREFIX + \"init\")",
                "    static void init() {}",
                "}");

        Compilation compilation = compile(migrations);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining(Messages.idNotMatching("v1 init"))
                .inFile(migrations)
                .onLine(8);
    }
}
