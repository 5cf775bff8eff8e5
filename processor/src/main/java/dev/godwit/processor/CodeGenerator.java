package dev.godwit.processor;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.godwit.MigrationIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Writes the Java code of invokers, registries and registry indexes; the only user of JavaPoet.
 *
 * <p>An invoker, generated in each package with migrations, calls their methods directly, so package-private
 * classes and methods work without reflection. The registry lists every migration as strings (listing loads no
 * migration class) and dispatches {@code run} to the invokers. A compilation may hold thousands of migrations, so long
 * switches and lists are split into nested {@code Page} classes of {@value #PAGE_SIZE} entries: a method's code is
 * limited to 64 KB and a class to 65,535 constants.
 */
final class CodeGenerator {

    /** Entries per method; about 8 KB of code, and 2,000 constants per page class. */
    static final int PAGE_SIZE = 500;

    /** The most ranges of positions that a registry's {@code run} checks one by one before it switches instead. */
    static final int MAX_RANGES = 16;

    private static final String RUNTIME = "dev.godwit.runtime";
    private static final ClassName MIGRATION_REGISTRY = ClassName.get(RUNTIME, "MigrationRegistry");
    private static final ClassName MIGRATION_DEFINITION = ClassName.get(RUNTIME, "MigrationDefinition");
    private static final ClassName MIGRATION_INVOCATION = ClassName.get(RUNTIME, "MigrationInvocation");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final TypeName DEFINITIONS =
            ParameterizedTypeName.get(ClassName.get(List.class), MIGRATION_DEFINITION);
    private static final String TABLE = "godwit_migrations";

    private final boolean generatedAvailable;

    /** @param generatedAvailable whether {@code javax.annotation.processing.Generated} exists to annotate with */
    CodeGenerator(boolean generatedAvailable) {
        this.generatedAvailable = generatedAvailable;
    }

    /** The invoker that calls the migrations of the classes of one package, directly. */
    JavaFile invoker(Invoker invoker, List<? extends Element> originatingElements) {
        List<CodeBlock> calls = new ArrayList<>();
        for (MigrationMethod migration : invoker.migrations()) {
            calls.add(call(classOf(migration), migration));
        }
        MethodSpec run = runMethod(calls)
                .addModifiers(PUBLIC, STATIC)
                .addJavadoc("Runs one of the migrations, by its position among this invoker's in ID order.\n\n")
                .addJavadoc("@param index the migration's position, from 0\n")
                .addJavadoc("@param invocation supplies the method's parameters and instance\n")
                .addJavadoc("@throws Exception whatever the migration throws\n")
                .build();
        TypeSpec.Builder type = TypeSpec.classBuilder(invoker.simpleName())
                .addJavadoc(
                        "Calls the {@code @Migration} methods of $L\n"
                                + "for the Godwit registry: directly, from their own package, where they are visible.\n"
                                + "Generated; not for application code.\n",
                        originatingElements.stream()
                                .map(element -> "{@link " + ((TypeElement) element).getQualifiedName() + "}")
                                .collect(Collectors.joining(", ")))
                .addModifiers(PUBLIC, FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
                .addMethod(run)
                .addTypes(pages(calls, List.of(), List.of()));
        originatingElements.forEach(type::addOriginatingElement);
        return javaFile(invoker.packageName(), type);
    }

    private static ClassName classOf(MigrationMethod migration) {
        List<String> names = migration.simpleNames();
        return ClassName.get(
                migration.packageName(),
                names.get(0),
                names.subList(1, names.size()).toArray(String[]::new));
    }

    private static CodeBlock call(ClassName type, MigrationMethod migration) {
        String arguments =
                migration.parameters().stream().map(ParameterKind::argument).collect(Collectors.joining(", "));
        if (migration.isStatic()) {
            return CodeBlock.of("$T.$L($L)", type, migration.methodName(), arguments);
        }
        if (!migration.hasConstructor()) {
            return CodeBlock.of("invocation.instance($T.class).$L($L)", type, migration.methodName(), arguments);
        }
        return CodeBlock.of(
                "invocation.instance($T.class, $T::new).$L($L)", type, type, migration.methodName(), arguments);
    }

    /**
     * The registry of all migrations of the compilation, given in ID order, which {@code invokers} call.
     *
     * <p>Its definitions are data, a table of strings per page turned into {@code MigrationDefinition}s by one
     * loop, rather than one {@code MigrationDefinition.code(...)} expression per migration: javac compiles a string
     * literal far faster than a method call it must resolve, and the table reads as well.
     */
    JavaFile registry(
            RegistryName name,
            List<MigrationMethod> migrations,
            List<Invoker> invokers,
            List<? extends Element> originatingElements) {
        // By identity: a migration's record holds its documentation and parameters, too long to hash a thousand times.
        Map<MigrationMethod, Integer> positions = new IdentityHashMap<>();
        Map<MigrationMethod, ClassName> invokerOf = new IdentityHashMap<>();
        for (Invoker invoker : invokers) {
            ClassName type = ClassName.get(invoker.packageName(), invoker.simpleName());
            for (int i = 0; i < invoker.migrations().size(); i++) {
                positions.put(invoker.migrations().get(i), i);
                invokerOf.put(invoker.migrations().get(i), type);
            }
        }
        Set<String> ids = migrations.stream().map(MigrationMethod::id).collect(Collectors.toSet());
        List<String> rows = new ArrayList<>();
        List<CodeBlock> settings = new ArrayList<>();
        List<CodeBlock> calls = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        for (int index = 0; index < migrations.size(); index++) {
            MigrationMethod migration = migrations.get(index);
            rows.add("{" + literal(migration.id()) + ", " + literal(migration.source()) + ", "
                    + literal(migration.checksum()) + "}");
            settings.add(settings(index, migration, ids));
            ClassName invoker = invokerOf.get(migration);
            int position = positions.get(migration);
            calls.add(CodeBlock.of("$T.run($L, invocation)", invoker, position));
            Range last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last.invoker().equals(invoker) && position - index == last.offset()) {
                ranges.set(ranges.size() - 1, new Range(last.from(), index + 1, invoker, last.offset()));
            } else {
                ranges.add(new Range(index, index + 1, invoker, position - index));
            }
        }
        // Where the registry's positions map onto an invoker's in runs (always, with one package), run() passes a
        // range on instead of repeating the invoker's switch: less code for javac to compile.
        boolean byRange = ranges.size() <= MAX_RANGES;
        TypeSpec.Builder registry = TypeSpec.classBuilder(name.simpleName())
                .addJavadoc(
                        "The database migrations of this compilation. Generated by Godwit from the {@code @Migration}\n"
                                + "methods; the runner finds it through {@code META-INF/services/$L}.\n\n"
                                + "<p>Its constants are the migrations' IDs, in the order they run. To run a migration again,\n"
                                + "delete its row from the tracking table ({@code $L} unless the runner was given another\n"
                                + "name):\n\n"
                                + "<pre>\nDELETE FROM $L WHERE id = '<i>the migration's ID</i>';\n</pre>\n",
                        MIGRATION_REGISTRY.canonicalName(),
                        TABLE,
                        TABLE)
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(MIGRATION_REGISTRY);
        originatingElements.forEach(registry::addOriginatingElement);
        for (MigrationMethod migration : migrations) {
            registry.addField(constant(migration));
        }
        if (migrations.size() <= PAGE_SIZE) {
            registry.addField(table(rows));
        }
        registry.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Creates the registry; {@link java.util.ServiceLoader} calls this.\n")
                        .addModifiers(PUBLIC)
                        .build())
                .addMethod(migrationsMethod(migrations.size(), settings))
                .addMethod((byRange ? rangeRunMethod(ranges) : runMethod(calls))
                        .addAnnotation(Override.class)
                        .addModifiers(PUBLIC)
                        .build())
                .addMethod(MethodSpec.methodBuilder("addAll")
                        .addJavadoc("Adds the definitions of the rows of a table of migrations.\n")
                        .addModifiers(PRIVATE, STATIC)
                        .addParameter(DEFINITIONS, "migrations")
                        .addParameter(String[][].class, "table")
                        .beginControlFlow("for ($T[] row : table)", String.class)
                        .addStatement("migrations.add($T.code(row[0], row[1], row[2]))", MIGRATION_DEFINITION)
                        .endControlFlow()
                        .build())
                .addTypes(pages(byRange ? List.of() : calls, rows, settings));
        return javaFile(name.packageName(), registry);
    }

    /**
     * The table of migrations: ID, method and checksum ({@code null} if none) of each, in ID order. Its rows are
     * written as text, not as a {@code CodeBlock} with three {@code $S} each: formatting thousands of them was the
     * largest part of the processor's own time.
     */
    private static FieldSpec table(List<String> rows) {
        return FieldSpec.builder(String[][].class, "MIGRATIONS", PRIVATE, STATIC, FINAL)
                .addJavadoc("The ID, method and checksum of each migration, in ID order.\n")
                .initializer("{$>\n$L$<\n}", String.join(",\n", rows))
                .build();
    }

    /**
     * Returns {@code text} as a Java string literal, as JavaPoet's {@code $S} writes it, or {@code null}. IDs and
     * method names hold no line breaks, so the literal is always one line.
     */
    static String literal(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> literal.append("\\b");
                case '\t' -> literal.append("\\t");
                case '\n' -> literal.append("\\n");
                case '\f' -> literal.append("\\f");
                case '\r' -> literal.append("\\r");
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /**
     * The statements that set what differs from {@code MigrationDefinition}'s defaults for the migration at
     * {@code index}; empty for most.
     */
    private static CodeBlock settings(int index, MigrationMethod migration, Set<String> ids) {
        CodeBlock.Builder definition = CodeBlock.builder();
        if (!migration.transactional()) {
            definition.add(".withTransactional(false)");
        }
        if (migration.runUntil() != null) {
            definition.add(".withRunUntil($T.parse($S))", Instant.class, migration.runUntil());
        }
        if (!migration.after().isEmpty()) {
            definition.add(".withAfter($L)", prerequisites(migration.after(), ids));
        }
        if (definition.isEmpty()) {
            return definition.build();
        }
        return CodeBlock.builder()
                .addStatement("migrations.set($L, migrations.get($L)$L)", index, index, definition.build())
                .build();
    }

    /**
     * The index class that names the registry to the processor compiling code that depends on this jar; see
     * {@link DependencyIds}.
     */
    JavaFile index(RegistryName name, List<? extends Element> originatingElements) {
        String registry = name.packageName().isEmpty()
                ? "{@code " + name.qualifiedName() + "}"
                : "{@link " + name.qualifiedName() + "}";
        TypeSpec.Builder index = TypeSpec.classBuilder(name.indexSimpleName())
                .addJavadoc(
                        "Names the Godwit migration registry $L of this jar.\n"
                                + "When code that depends on this jar is compiled, the Godwit annotation processor lists the\n"
                                + "classes of this package across the class path to find every registry, and reports a migration\n"
                                + "ID that one of them already uses as a compile error. Generated; not for application code.\n",
                        registry)
                .addModifiers(PUBLIC, FINAL)
                .addField(FieldSpec.builder(String.class, "REGISTRY", PUBLIC, STATIC, FINAL)
                        .addJavadoc("The binary name of the registry.\n")
                        .initializer("$S", name.qualifiedName())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
        originatingElements.forEach(index::addOriginatingElement);
        return javaFile(RegistryName.INDEX_PACKAGE, index);
    }

    /** The prerequisite IDs: this registry's constants where it has them, else string literals. */
    private static CodeBlock prerequisites(List<String> after, Set<String> ids) {
        return after.stream()
                .map(id ->
                        ids.contains(id) ? CodeBlock.of("$L", MigrationIds.constantName(id)) : CodeBlock.of("$S", id))
                .collect(CodeBlock.joining(", "));
    }

    /**
     * An ID constant, whose Javadoc names the method and the SQL that runs it again: all a reader needs, kept short as
     * there may be thousands.
     */
    private static FieldSpec constant(MigrationMethod migration) {
        CodeBlock.Builder javadoc = CodeBlock.builder();
        if (!migration.documentation().isEmpty()) {
            javadoc.add("$L\n\n<p>", migration.documentation());
        }
        javadoc.add("{@link $L}. Run it again with\n", migration.javadocReference())
                .add("{@code DELETE FROM $L WHERE id = '$L'}.\n", TABLE, migration.id());
        return FieldSpec.builder(String.class, migration.constantName(), PUBLIC, STATIC, FINAL)
                .addJavadoc(javadoc.build())
                .initializer("$S", migration.id())
                .build();
    }

    /**
     * {@code migrations()}: the table's definitions, with the settings that differ from the defaults; past
     * {@value #PAGE_SIZE} entries, page by page.
     */
    private static MethodSpec migrationsMethod(int count, List<CodeBlock> settings) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("migrations")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(DEFINITIONS)
                .addStatement("$T migrations = new $T<>($L)", DEFINITIONS, ArrayList.class, count);
        if (count <= PAGE_SIZE) {
            method.addStatement("addAll(migrations, MIGRATIONS)");
            settings.forEach(method::addCode);
        } else {
            for (int page = 0; page < (count + PAGE_SIZE - 1) / PAGE_SIZE; page++) {
                method.addStatement("Page$L.addMigrations(migrations)", page);
            }
        }
        return method.addStatement("return $T.copyOf(migrations)", List.class).build();
    }

    /** Positions {@code [from, to)} of the registry that are positions {@code [from + offset, to + offset)} of one invoker. */
    private record Range(int from, int to, ClassName invoker, int offset) {}

    /** {@code run(index, invocation)} of a registry whose positions map onto invokers' in a few ranges. */
    private static MethodSpec.Builder rangeRunMethod(List<Range> ranges) {
        CodeBlock.Builder body = CodeBlock.builder();
        for (Range range : ranges) {
            CodeBlock position = range.offset() == 0
                    ? CodeBlock.of("index")
                    : CodeBlock.of("index $L $L", range.offset() < 0 ? "-" : "+", Math.abs(range.offset()));
            body.beginControlFlow("if (index >= $L && index < $L)", range.from(), range.to())
                    .addStatement("$T.run($L, invocation)", range.invoker(), position)
                    .addStatement("return")
                    .endControlFlow();
        }
        body.addStatement("throw new $T(index)", IndexOutOfBoundsException.class);
        return MethodSpec.methodBuilder("run")
                .addParameter(int.class, "index")
                .addParameter(MIGRATION_INVOCATION, "invocation")
                .addException(Exception.class)
                .addCode(body.build());
    }

    /** {@code run(index, invocation)}: a switch over the calls, or past {@value #PAGE_SIZE} a switch over pages. */
    private static MethodSpec.Builder runMethod(List<CodeBlock> calls) {
        CodeBlock body;
        if (calls.size() <= PAGE_SIZE) {
            body = switchOver("index", 0, calls);
        } else {
            List<CodeBlock> pages = new ArrayList<>();
            for (int page = 0; page < pageCount(calls); page++) {
                pages.add(CodeBlock.of("Page$L.run(index, invocation)", page));
            }
            body = switchOver("index / " + PAGE_SIZE, 0, pages);
        }
        return MethodSpec.methodBuilder("run")
                .addParameter(int.class, "index")
                .addParameter(MIGRATION_INVOCATION, "invocation")
                .addException(Exception.class)
                .addCode(body);
    }

    private static CodeBlock switchOver(String selector, int firstCase, List<CodeBlock> cases) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch ($L)", selector);
        for (int i = 0; i < cases.size(); i++) {
            code.addStatement("case $L -> $L", firstCase + i, cases.get(i));
        }
        code.addStatement("default -> throw new $T(index)", IndexOutOfBoundsException.class);
        return code.endControlFlow().build();
    }

    /**
     * The nested classes {@code Page0}, {@code Page1}... that hold {@value #PAGE_SIZE} cases of {@code run} each, and
     * the matching entries of {@code migrations()} if given; none when everything fits in one page.
     */
    private static List<TypeSpec> pages(List<CodeBlock> calls, List<String> rows, List<CodeBlock> settings) {
        List<TypeSpec> pages = new ArrayList<>();
        int count = Math.max(calls.size(), rows.size());
        if (count <= PAGE_SIZE) {
            return pages;
        }
        for (int page = 0; page < (count + PAGE_SIZE - 1) / PAGE_SIZE; page++) {
            int from = page * PAGE_SIZE;
            int to = Math.min(from + PAGE_SIZE, count);
            TypeSpec.Builder type = TypeSpec.classBuilder("Page" + page)
                    .addJavadoc(
                            "Migrations $L to $L of $L. Pages keep every method under the 64 KB of code and every class\n"
                                    + "under the 65,535 constants that a class file allows.\n",
                            from,
                            to - 1,
                            count)
                    .addModifiers(PRIVATE, STATIC, FINAL);
            if (!rows.isEmpty()) {
                MethodSpec.Builder add = MethodSpec.methodBuilder("addMigrations")
                        .addModifiers(STATIC)
                        .addParameter(DEFINITIONS, "migrations")
                        .addStatement("addAll(migrations, MIGRATIONS)");
                settings.subList(from, to).forEach(add::addCode);
                type.addField(table(rows.subList(from, to))).addMethod(add.build());
            }
            if (!calls.isEmpty()) {
                type.addMethod(MethodSpec.methodBuilder("run")
                        .addModifiers(STATIC)
                        .addParameter(int.class, "index")
                        .addParameter(MIGRATION_INVOCATION, "invocation")
                        .addException(Exception.class)
                        .addCode(switchOver("index", from, calls.subList(from, to)))
                        .build());
            }
            pages.add(type.build());
        }
        return pages;
    }

    private static int pageCount(List<CodeBlock> entries) {
        return (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    private JavaFile javaFile(String packageName, TypeSpec.Builder type) {
        if (generatedAvailable) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", MigrationProcessor.class.getName())
                    .build());
        }
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
