package dev.godwit.processor;

import com.sun.source.util.Trees;
import dev.godwit.MigrationIds;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The processor's work over the rounds of one compilation. State between rounds is kept as names and immutable
 * models: javac's elements belong to one round.
 *
 * <ol>
 *   <li>In each round that brings classes with migrations, check them (against each other, SQL files and
 *       dependencies' registries too) and generate one invoker per package for the classes whose migrations are
 *       all valid. A class arrives whole in one round, and the new invoker guarantees a next round: javac makes the
 *       round after one that generated nothing the last.
 *   <li>In the first round that brings no new migrations (others' generated sources may bring more in between),
 *       generate the registry and its index, once, if the compilation had no error. They are source files, so they
 *       must come before the last round, where javac would warn about them.
 *   <li>In the last round, list the registry in {@code META-INF/services}, as resources are written.
 * </ol>
 */
final class CompilationRounds {

    static final String SERVICES_FILE = "META-INF/services/dev.godwit.runtime.MigrationRegistry";

    private final ProcessingEnvironment environment;
    private final Elements elements;
    private final Filer filer;
    private final Reporter reporter;
    private final MigrationValidator validator;
    private final IdConflicts conflicts;
    private final LocalClassScanner localClasses;
    private final DependencyIds dependencyIds;
    private final CodeGenerator generator;

    private final Set<String> sourceTypes = new HashSet<>();
    private final Set<String> deferredClasses = new TreeSet<>();
    private final Map<String, String> invokerOwners = new HashMap<>();
    private final List<MigrationMethod> migrations = new ArrayList<>();
    private final List<Invoker> invokers = new ArrayList<>();
    private final Set<String> declaredIds = new HashSet<>();
    private final List<Prerequisite> prerequisites = new ArrayList<>();
    private Optional<RegistryName> configuredName;
    private SqlFiles sqlFiles;
    private RegistryName writtenRegistry;

    CompilationRounds(ProcessingEnvironment environment) {
        this.environment = environment;
        this.elements = environment.getElementUtils();
        this.filer = environment.getFiler();
        this.reporter = new Reporter(environment.getMessager(), elements);
        Trees trees = javacTrees(environment);
        this.validator =
                new MigrationValidator(elements, environment.getTypeUtils(), reporter, new MethodChecksums(trees));
        this.conflicts = new IdConflicts(reporter);
        this.localClasses = new LocalClassScanner(trees, reporter);
        this.dependencyIds = new DependencyIds(elements, filer);
        this.generator = new CodeGenerator(elements.getTypeElement("javax.annotation.processing.Generated") != null);
    }

    /** javac's syntax trees; {@code null} under another compiler, or a javac wrapped by Gradle or an IDE. */
    private static Trees javacTrees(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return null;
        }
    }

    void process(RoundEnvironment round) {
        if (configuredName == null) {
            configuredName = readRegistryOption();
            sqlFiles = SqlFiles.fromOption(filer, environment.getOptions(), reporter);
        }
        if (round.processingOver()) {
            writeServicesFile();
            return;
        }
        for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
            sourceTypes.add(type.getQualifiedName().toString());
        }
        localClasses.scan(round.getRootElements());

        Map<String, TypeElement> classes = new TreeMap<>();
        TypeElement annotation = elements.getTypeElement(MigrationAnnotation.NAME);
        if (annotation != null) {
            for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation))) {
                TypeElement type = (TypeElement) method.getEnclosingElement();
                classes.put(type.getQualifiedName().toString(), type);
            }
        }
        if (writtenRegistry != null) {
            classes.values().forEach(this::reportTooLate);
            return;
        }
        for (String name : deferredClasses) {
            // Found again by name: this round's element sees the types generated since.
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                classes.put(name, type);
            }
        }
        deferredClasses.clear();

        Map<TypeElement, List<MigrationMethod>> validClasses = new LinkedHashMap<>();
        for (TypeElement type : classes.values()) {
            check(type).ifPresent(valid -> validClasses.put(type, valid));
        }
        Set<String> inConflict = conflicts.reportNewConflicts();
        // One invoker per package of the round: validClasses is in name order, so the first class names it.
        Map<String, Map<TypeElement, List<MigrationMethod>>> packages = new LinkedHashMap<>();
        validClasses.forEach((type, valid) -> {
            if (!inConflict.contains(type.getQualifiedName().toString())) {
                packages.computeIfAbsent(valid.get(0).packageName(), name -> new LinkedHashMap<>())
                        .put(type, valid);
            }
        });
        packages.values().forEach(this::writeInvoker);
        if (classes.isEmpty() && !prerequisites.isEmpty()) {
            reportUnknownPrerequisites();
        }
        if (classes.isEmpty() && !migrations.isEmpty() && !reporter.hadErrors()) {
            writeRegistry();
        }
    }

    /** A prerequisite ID named by a migration, checked once every migration of the compilation is known. */
    private record Prerequisite(String className, String methodName, String id, String prerequisite) {}

    /**
     * Reports each prerequisite that no migration of the compilation, no dependency's registry and no SQL file the
     * compiler can see declares. Runs once, in the first round without new migrations: all IDs are known then.
     */
    private void reportUnknownPrerequisites() {
        for (Prerequisite reference : prerequisites) {
            String prerequisite = reference.prerequisite();
            if (!declaredIds.contains(prerequisite)
                    && sqlFiles.named(prerequisite).isEmpty()
                    && dependencyIds.registryWith(prerequisite).isEmpty()) {
                reporter.errorOnPrerequisite(
                        Messages.unknownPrerequisite(
                                reference.id(),
                                reference.className() + "#" + reference.methodName(),
                                prerequisite,
                                sqlFiles.location()),
                        reference.className(),
                        reference.methodName(),
                        reference.id(),
                        prerequisite);
            }
        }
        prerequisites.clear();
    }

    private Optional<RegistryName> readRegistryOption() {
        if (!environment.getOptions().containsKey(RegistryName.OPTION)) {
            return Optional.empty();
        }
        // javac maps -Agodwit.registry= to null.
        String value = Objects.toString(environment.getOptions().get(RegistryName.OPTION), "");
        Optional<RegistryName> name = RegistryName.parse(value);
        if (name.isEmpty()) {
            reporter.error(Messages.invalidRegistryName(RegistryName.OPTION, value));
        }
        return name;
    }

    /**
     * Checks the migrations of {@code type}, reporting every problem, and returns them as models if all are
     * valid. A class with a type or ID javac cannot resolve yet waits for the next round, as another processor may
     * generate what is missing; if none does, javac reports it.
     */
    private Optional<List<MigrationMethod>> check(TypeElement type) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (MigrationAnnotation.on(method).isPresent()) {
                methods.add(method);
            }
        }
        if (methods.stream().anyMatch(MigrationValidator::isUnresolved)) {
            deferredClasses.add(type.getQualifiedName().toString());
            return Optional.empty();
        }
        boolean valid = validator.isReachable(type);
        List<MigrationMethod> models = new ArrayList<>();
        for (ExecutableElement method : methods) {
            String id = MigrationAnnotation.id(method).orElseThrow();
            if (MigrationIds.isValid(id)) {
                conflicts.add(
                        id,
                        type.getQualifiedName().toString(),
                        method.getSimpleName().toString());
                valid &= isFreeOutsideTheCompilation(method, id);
                declaredIds.add(id);
                for (String prerequisite :
                        MigrationAnnotation.on(method).map(MigrationAnnotation::after).orElse(List.of()).stream()
                                .map(value -> (String) value.getValue())
                                .filter(MigrationIds::isValid)
                                .toList()) {
                    prerequisites.add(new Prerequisite(
                            type.getQualifiedName().toString(),
                            method.getSimpleName().toString(),
                            id,
                            prerequisite));
                }
            }
            if (validator.isValid(method)) {
                models.add(validator.toModel(method));
            } else {
                valid = false;
            }
        }
        models.sort(Comparator.comparing(MigrationMethod::id, MigrationIds.ORDER));
        return valid ? Optional.of(models) : Optional.empty();
    }

    /** Checks that no SQL file and no dependency's registry has the ID; reports each one that has. */
    private boolean isFreeOutsideTheCompilation(ExecutableElement method, String id) {
        String name = MigrationValidator.nameOf(method);
        List<String> files = sqlFiles.named(id);
        if (!files.isEmpty()) {
            reporter.errorOnId(Messages.sqlClash(id, name, files), method);
        }
        Optional<String> registry = dependencyIds.registryWith(id);
        registry.ifPresent(other -> reporter.errorOnId(Messages.dependencyDuplicateId(id, name, other), method));
        return files.isEmpty() && registry.isEmpty();
    }

    /** Writes the invoker of the valid classes of one package of this round. */
    private void writeInvoker(Map<TypeElement, List<MigrationMethod>> classes) {
        TypeElement first = classes.keySet().iterator().next();
        List<MigrationMethod> models = new ArrayList<>();
        classes.values().forEach(models::addAll);
        models.sort(Comparator.comparing(MigrationMethod::id, MigrationIds.ORDER));
        MigrationMethod firstModel = classes.get(first).get(0);
        Invoker invoker = new Invoker(firstModel.packageName(), firstModel.invokerName(), models);
        String className = first.getQualifiedName().toString();
        String owner = invokerOwners.putIfAbsent(invoker.qualifiedName(), className);
        if (owner != null) {
            reporter.error(Messages.invokerClash(className, invoker.qualifiedName(), owner), first);
            return;
        }
        // Only a source of this compilation: one from an earlier build that did not clean is in the class output.
        if (sourceTypes.contains(invoker.qualifiedName())) {
            reporter.error(Messages.invokerNameTaken(className, invoker.qualifiedName()), first);
            return;
        }
        List<TypeElement> originatingElements = List.copyOf(classes.keySet());
        if (write(
                invoker.qualifiedName(),
                () -> generator.invoker(invoker, originatingElements).writeTo(filer))) {
            invokers.add(invoker);
            migrations.addAll(models);
        }
    }

    private void writeRegistry() {
        RegistryName name = configuredName.orElseGet(() -> RegistryName.defaultFor(
                migrations.stream().map(MigrationMethod::packageName).toList()));
        if (elements.getTypeElement(name.qualifiedName()) != null && !isOwnPreviousOutput(name)) {
            reporter.error(Messages.registryExists(name.qualifiedName(), RegistryName.OPTION));
            return;
        }
        if (!name.packageName().isEmpty() && reportUnnamedPackages(name)) {
            return;
        }
        List<MigrationMethod> ordered = new ArrayList<>(migrations);
        ordered.sort(Comparator.comparing(MigrationMethod::id, MigrationIds.ORDER));
        List<TypeElement> originatingElements = ordered.stream()
                .map(MigrationMethod::className)
                .distinct()
                .sorted()
                .map(elements::getTypeElement)
                .toList();
        if (write(
                name.qualifiedName(),
                () -> generator
                        .registry(name, ordered, invokers, originatingElements)
                        .writeTo(filer))) {
            writtenRegistry = name;
            // Not in a named module: index classes of one package in many modules would be a split package.
            if (originatingElements.stream().allMatch(this::isInUnnamedModule)) {
                write(
                        RegistryName.INDEX_PACKAGE + "." + name.indexSimpleName(),
                        () -> generator.index(name, originatingElements).writeTo(filer));
            }
        }
    }

    private boolean isInUnnamedModule(TypeElement type) {
        ModuleElement module = elements.getModuleOf(type);
        return module == null || module.isUnnamed();
    }

    /** Reports each class in the unnamed package, which a registry in a named package cannot refer to. */
    private boolean reportUnnamedPackages(RegistryName name) {
        List<String> classes = migrations.stream()
                .filter(migration -> migration.packageName().isEmpty())
                .map(MigrationMethod::className)
                .distinct()
                .sorted()
                .toList();
        for (String className : classes) {
            String message = Messages.unnamedPackage(className, name.qualifiedName(), RegistryName.OPTION);
            reporter.error(message, elements.getTypeElement(className));
        }
        return !classes.isEmpty();
    }

    /**
     * Whether the existing class of the registry's name is this module's registry from an earlier build, in the
     * class output that this compilation overwrites. Builds that recompile without cleaning (Maven's incremental
     * compilation, IDEs) have it on the class path; that is no clash, unlike the same name from another jar.
     */
    private boolean isOwnPreviousOutput(RegistryName name) {
        return !sourceTypes.contains(name.qualifiedName())
                && FilerResources.exists(
                        filer, StandardLocation.CLASS_OUTPUT, name.packageName(), name.simpleName() + ".class");
    }

    private void writeServicesFile() {
        if (writtenRegistry == null || reporter.hadErrors()) {
            return;
        }
        write(SERVICES_FILE, () -> {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES_FILE);
            try (Writer writer = file.openWriter()) {
                writer.write(writtenRegistry.qualifiedName() + "\n");
            }
        });
    }

    private void reportTooLate(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (MigrationAnnotation.on(method).isPresent()) {
                String name = MigrationValidator.nameOf(method);
                reporter.error(Messages.registryWritten(name, writtenRegistry.qualifiedName()), method);
            }
        }
    }

    private interface FileWrite {
        void run() throws IOException;
    }

    /** Runs a write, reporting an I/O failure as an error; returns whether it succeeded. */
    private boolean write(String file, FileWrite write) {
        try {
            write.run();
            return true;
        } catch (IOException e) {
            reporter.error(Messages.writeFailed(file, e));
            return false;
        }
    }
}
