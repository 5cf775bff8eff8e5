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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;

/**
 * Writes the Java code of invokers, registries and registry indexes; the only user of JavaPoet.
 *
 * <p>An invoker, generated beside a class with migrations, calls its methods directly, so package-private classes
 * and methods work without reflection. The registry lists every migration as strings (listing loads no migration
 * class) and dispatches {@code run} to the invokers. A compilation may hold thousands of migrations, so long
 * switches and lists are split into nested {@code Page} classes of {@value #PAGE_SIZE} entries: a method's code is
 * limited to 64 KB and a class to 65,535 constants.
 */
final class CodeGenerator {

    /** Entries per method; about 8 KB of code, and 2,000 constants per page class. */
    static final int PAGE_SIZE = 500;

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

    /** The invoker for the migrations of one class, given in ID order. */
    JavaFile invoker(List<MigrationMethod> migrations, Element originatingElement) {
        MigrationMethod first = migrations.get(0);
        List<String> nested = first.simpleNames().subList(1, first.simpleNames().size());
        ClassName type = ClassName.get(first.packageName(), first.simpleNames().get(0), nested.toArray(String[]::new));
        List<CodeBlock> calls = new ArrayList<>();
        for (MigrationMethod migration : migrations) {
            calls.add(call(type, migration));
        }
        MethodSpec run = runMethod(calls)
                .addModifiers(PUBLIC, STATIC)
                .addJavadoc("Runs a migration of {@link $L}, by its position in ID order:\n\n", first.className())
                .addJavadoc(list(migrations))
                .addJavadoc("\n@param index the migration's position among those of its class, from 0\n")
                .addJavadoc("@param invocation supplies the method's parameters and instance\n")
                .addJavadoc("@throws Exception whatever the migration throws\n")
                .build();
        TypeSpec.Builder invoker = TypeSpec.classBuilder(first.invokerName())
                .addJavadoc(
                        "Calls the {@code @Migration} methods of {@link $L}\n"
                                + "for the Godwit registry: directly, from their own package, where they are visible.\n"
                                + "Generated; not for application code.\n",
                        first.className())
                .addModifiers(PUBLIC, FINAL)
                .addOriginatingElement(originatingElement)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
                .addMethod(run)
                .addTypes(pages(calls, List.of()));
        return javaFile(first.packageName(), invoker);
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

    /** The registry of all migrations of the compilation, given in ID order. */
    JavaFile registry(
            RegistryName name, List<MigrationMethod> migrations, List<? extends Element> originatingElements) {
        Map<String, Integer> invokerSizes = new HashMap<>();
        Set<String> ids = migrations.stream().map(MigrationMethod::id).collect(Collectors.toSet());
        List<CodeBlock> definitions = new ArrayList<>();
        List<CodeBlock> calls = new ArrayList<>();
        for (MigrationMethod migration : migrations) {
            ClassName invoker = ClassName.get(migration.packageName(), migration.invokerName());
            int indexInInvoker = invokerSizes.merge(migration.invokerQualifiedName(), 1, Integer::sum) - 1;
            CodeBlock.Builder definition = CodeBlock.builder()
                    .add(
                            "$T.code($L, $S, $S)",
                            MIGRATION_DEFINITION,
                            migration.constantName(),
                            migration.source(),
                            migration.checksum());
            // Only what differs from MigrationDefinition's defaults is written, so most lines stay one call.
            if (!migration.transactional()) {
                definition.add(".withTransactional(false)");
            }
            if (migration.runUntil() != null) {
                definition.add(".withRunUntil($T.parse($S))", Instant.class, migration.runUntil());
            }
            if (!migration.after().isEmpty()) {
                definition.add(".withAfter($L)", prerequisites(migration.after(), ids));
            }
            definitions.add(definition.build());
            calls.add(CodeBlock.of("$T.run($L, invocation)", invoker, indexInInvoker));
        }
        TypeSpec.Builder registry = TypeSpec.classBuilder(name.simpleName())
                .addJavadoc(
                        "The database migrations of this compilation, in the order they run. Generated by Godwit from the\n"
                                + "{@code @Migration} methods; the runner finds it through\n"
                                + "{@code META-INF/services/$L}.\n\n",
                        MIGRATION_REGISTRY.canonicalName())
                .addJavadoc(list(migrations))
                .addModifiers(PUBLIC, FINAL)
                .addSuperinterface(MIGRATION_REGISTRY);
        originatingElements.forEach(registry::addOriginatingElement);
        for (MigrationMethod migration : migrations) {
            registry.addField(constant(migration));
        }
        registry.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Creates the registry; {@link java.util.ServiceLoader} calls this.\n")
                        .addModifiers(PUBLIC)
                        .build())
                .addMethod(migrationsMethod(definitions))
                .addMethod(runMethod(calls)
                        .addAnnotation(Override.class)
                        .addModifiers(PUBLIC)
                        .build())
                .addTypes(pages(calls, definitions));
        return javaFile(name.packageName(), registry);
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

    private static FieldSpec constant(MigrationMethod migration) {
        CodeBlock.Builder javadoc = CodeBlock.builder();
        if (!migration.documentation().isEmpty()) {
            javadoc.add("$L\n\n<p>", migration.documentation());
        }
        javadoc.add("The ID of the migration {@link $L}.\n", migration.javadocReference())
                .add("To run it again, delete its row from the tracking table ({@code $L} unless the runner\n", TABLE)
                .add("was given another name):\n\n")
                .add("<pre>\nDELETE FROM $L WHERE id = '$L';\n</pre>\n\n", TABLE, migration.id())
                .add(
                        "<p>Checksum: $L\n",
                        migration.checksum() == null
                                ? "none (the compiler offered no syntax tree to compute it from)"
                                : "{@code " + migration.checksum() + "}");
        return FieldSpec.builder(String.class, migration.constantName(), PUBLIC, STATIC, FINAL)
                .addJavadoc(javadoc.build())
                .initializer("$S", migration.id())
                .build();
    }

    /** {@code migrations()}: a plain list, or past {@value #PAGE_SIZE} entries a list filled page by page. */
    private static MethodSpec migrationsMethod(List<CodeBlock> definitions) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("migrations")
                .addAnnotation(Override.class)
                .addModifiers(PUBLIC)
                .returns(DEFINITIONS);
        if (definitions.size() <= PAGE_SIZE) {
            CodeBlock.Builder list = CodeBlock.builder().add("return $T.of($>$>", List.class);
            for (int i = 0; i < definitions.size(); i++) {
                list.add("\n$L$L", definitions.get(i), i < definitions.size() - 1 ? "," : "");
            }
            return method.addCode(list.add(");\n$<$<").build()).build();
        }
        method.addStatement("$T migrations = new $T<>($L)", DEFINITIONS, ArrayList.class, definitions.size());
        for (int page = 0; page < pageCount(definitions); page++) {
            method.addStatement("Page$L.addMigrations(migrations)", page);
        }
        return method.addStatement("return $T.copyOf(migrations)", List.class).build();
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
    private static List<TypeSpec> pages(List<CodeBlock> calls, List<CodeBlock> definitions) {
        List<TypeSpec> pages = new ArrayList<>();
        if (calls.size() <= PAGE_SIZE) {
            return pages;
        }
        for (int page = 0; page < pageCount(calls); page++) {
            int from = page * PAGE_SIZE;
            int to = Math.min(from + PAGE_SIZE, calls.size());
            TypeSpec.Builder type = TypeSpec.classBuilder("Page" + page)
                    .addJavadoc(
                            "Migrations $L to $L of $L. Pages keep every method under the 64 KB of code and every class\n"
                                    + "under the 65,535 constants that a class file allows.\n",
                            from,
                            to - 1,
                            calls.size())
                    .addModifiers(PRIVATE, STATIC, FINAL);
            if (!definitions.isEmpty()) {
                CodeBlock.Builder adds = CodeBlock.builder();
                for (CodeBlock definition : definitions.subList(from, to)) {
                    adds.addStatement("migrations.add($L)", definition);
                }
                type.addMethod(MethodSpec.methodBuilder("addMigrations")
                        .addModifiers(STATIC)
                        .addParameter(DEFINITIONS, "migrations")
                        .addCode(adds.build())
                        .build());
            }
            type.addMethod(MethodSpec.methodBuilder("run")
                    .addModifiers(STATIC)
                    .addParameter(int.class, "index")
                    .addParameter(MIGRATION_INVOCATION, "invocation")
                    .addException(Exception.class)
                    .addCode(switchOver("index", from, calls.subList(from, to)))
                    .build());
            pages.add(type.build());
        }
        return pages;
    }

    private static int pageCount(List<CodeBlock> entries) {
        return (entries.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    /** An HTML list of migrations in order, each with its ID and a link to its method. */
    private static CodeBlock list(List<MigrationMethod> migrations) {
        CodeBlock.Builder list = CodeBlock.builder().add("<ol>\n");
        for (MigrationMethod migration : migrations) {
            list.add("  <li>{@code $L}: {@link $L}\n", migration.id(), migration.javadocReference());
        }
        return list.add("</ol>\n").build();
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
