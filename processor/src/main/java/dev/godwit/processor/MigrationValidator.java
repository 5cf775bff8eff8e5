package dev.godwit.processor;

import dev.godwit.MigrationIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks {@code @Migration} methods and their classes against the rules documented on {@code @Migration}, reports
 * every broken rule, and turns valid methods into {@link MigrationMethod}s. Never throws for a user's mistake.
 */
final class MigrationValidator {

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final MethodChecksums checksums;
    private final Set<String> reportedClasses = new HashSet<>();
    private final Map<TypeElement, Boolean> usableConstructors = new HashMap<>();

    MigrationValidator(Elements elements, Types types, Reporter reporter, MethodChecksums checksums) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.checksums = checksums;
    }

    /**
     * Returns whether javac could not yet resolve a type or the ID of {@code method}: a type that does not exist
     * (yet), or a constant it cannot find. Such a method is checked in a later round, or javac reports the missing
     * symbol itself; any message of ours would mislead.
     */
    static boolean isUnresolved(ExecutableElement method) {
        if (method.getReturnType().getKind() == TypeKind.ERROR
                || MigrationAnnotation.id(method).isEmpty()) {
            return true;
        }
        boolean unresolvedPrerequisite = MigrationAnnotation.on(method).map(MigrationAnnotation::after).stream()
                .flatMap(List::stream)
                .anyMatch(value -> !MigrationAnnotation.isResolved(value));
        if (unresolvedPrerequisite) {
            return true;
        }
        return method.getParameters().stream().anyMatch(p -> p.asType().getKind() == TypeKind.ERROR);
    }

    /**
     * Checks that generated code in the package of {@code type} can reach it: neither it nor a class enclosing it
     * is private, inner, local or anonymous. Reports each offending class once per compilation.
     */
    boolean isReachable(TypeElement type) {
        boolean reachable = true;
        for (Element enclosing = type; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
            TypeElement outer = (TypeElement) enclosing;
            Optional<String> problem = reachabilityProblem(outer);
            if (problem.isPresent()) {
                reachable = false;
                String name = outer.getQualifiedName().toString();
                if (name.isEmpty() || reportedClasses.add(name)) {
                    reporter.error(problem.get(), outer);
                }
            }
        }
        return reachable;
    }

    private static Optional<String> reachabilityProblem(TypeElement type) {
        String name = type.getQualifiedName().toString();
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            // javac shows no local or anonymous class to processors (LocalClassScanner finds them); others might.
            return Optional.of(Messages.localClass("A @Migration method of " + type, outermost(type)));
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            return Optional.of(Messages.privateClass(name));
        }
        boolean inner = type.getNestingKind() == NestingKind.MEMBER
                && type.getKind() == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.STATIC);
        return inner ? Optional.of(Messages.innerClass(name)) : Optional.empty();
    }

    private static String outermost(Element element) {
        String name = "";
        for (Element enclosing = element; enclosing != null; enclosing = enclosing.getEnclosingElement()) {
            if (enclosing instanceof TypeElement type && type.getNestingKind() == NestingKind.TOP_LEVEL) {
                name = type.getQualifiedName().toString();
            }
        }
        return name;
    }

    /** Checks one resolved method's ID and shape, reporting every problem; returns whether it has none. */
    boolean isValid(ExecutableElement method) {
        String name = nameOf(method);
        Set<Modifier> modifiers = method.getModifiers();
        boolean valid = true;
        String id = MigrationAnnotation.id(method).orElseThrow();
        if (!MigrationIds.isValid(id)) {
            reporter.errorOnId(invalidIdMessage(id), method);
            valid = false;
        }
        if (modifiers.contains(Modifier.PRIVATE)) {
            reporter.error(Messages.privateMethod(name), method);
            valid = false;
        }
        if (modifiers.contains(Modifier.ABSTRACT)) {
            reporter.error(Messages.abstractMethod(name), method);
            valid = false;
        } else if (!modifiers.contains(Modifier.STATIC)) {
            Optional<String> problem = instanceProblem(method, name);
            problem.ifPresent(message -> reporter.error(message, method));
            valid &= problem.isEmpty();
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(Messages.genericMethod(name), method);
            valid = false;
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            reporter.error(Messages.nonVoidMethod(name, method.getReturnType().toString()), method);
            valid = false;
        }
        valid &= runUntilIsValid(method, name);
        valid &= prerequisitesAreValid(method, name, id);
        return parametersAreValid(method, name) && valid;
    }

    private boolean runUntilIsValid(ExecutableElement method, String name) {
        Optional<AnnotationValue> runUntil = MigrationAnnotation.on(method).flatMap(MigrationAnnotation::runUntil);
        if (runUntil.isPresent()
                && parseInstant((String) runUntil.get().getValue()).isEmpty()) {
            reporter.errorOnValue(
                    Messages.invalidRunUntil(name, (String) runUntil.get().getValue()), method, runUntil.get());
            return false;
        }
        return true;
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks what one migration can tell of its prerequisites: valid IDs that sort before its own. Whether they
     * exist is known once every migration of the compilation is ({@link CompilationRounds}).
     */
    private boolean prerequisitesAreValid(ExecutableElement method, String name, String id) {
        boolean valid = true;
        for (AnnotationValue value :
                MigrationAnnotation.on(method).map(MigrationAnnotation::after).orElse(List.of())) {
            String prerequisite = (String) value.getValue();
            if (!MigrationIds.isValid(prerequisite)) {
                reporter.errorOnValue(Messages.invalidPrerequisite(name, prerequisite), method, value);
                valid = false;
            } else if (MigrationIds.isValid(id) && MigrationIds.ORDER.compare(prerequisite, id) >= 0) {
                reporter.errorOnValue(Messages.latePrerequisite(id, name, prerequisite), method, value);
                valid = false;
            }
        }
        return valid;
    }

    private boolean parametersAreValid(ExecutableElement method, String name) {
        boolean valid = true;
        Set<ParameterKind> seen = EnumSet.noneOf(ParameterKind.class);
        for (VariableElement parameter : method.getParameters()) {
            String parameterName = parameter.getSimpleName().toString();
            String type = parameter.asType().toString();
            Optional<ParameterKind> kind = ParameterKind.forType(erasedName(parameter.asType()));
            if (kind.isEmpty()) {
                reporter.error(Messages.unsupportedParameter(name, parameterName, type), parameter);
                valid = false;
            } else if (!seen.add(kind.get())) {
                reporter.error(Messages.repeatedParameter(name, parameterName, type), parameter);
                valid = false;
            }
        }
        return valid;
    }

    private static String invalidIdMessage(String id) {
        if (id.isEmpty()) {
            return Messages.emptyId();
        }
        return id.length() > MigrationIds.MAX_LENGTH ? Messages.idTooLong(id) : Messages.idNotMatching(id);
    }

    /** The reason the runner could not create an instance to call {@code method} on, if there is one. */
    private Optional<String> instanceProblem(ExecutableElement method, String name) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        String className = type.getQualifiedName().toString();
        if (type.getKind() == ElementKind.INTERFACE) {
            return Optional.of(Messages.notInstantiable(name, className, "an interface"));
        } else if (type.getKind() == ElementKind.ENUM) {
            return Optional.of(Messages.notInstantiable(name, className, "an enum"));
        } else if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return Optional.of(Messages.notInstantiable(name, className, "abstract"));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code Type::new} compiles as a {@code Supplier} in the generated code. A class without one is fine:
     * the runner's instance factory must supply its instances, and the migration fails if none does.
     */
    private boolean hasUsableConstructor(TypeElement type) {
        // Asked for every method; a class has several.
        return usableConstructors.computeIfAbsent(type, this::findUsableConstructor);
    }

    private boolean findUsableConstructor(TypeElement type) {
        TypeMirror runtimeException =
                elements.getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            boolean unchecked = constructor.getThrownTypes().stream()
                    .allMatch(thrown -> types.isSubtype(thrown, runtimeException) || types.isSubtype(thrown, error));
            if (constructor.getParameters().isEmpty()
                    && !constructor.getModifiers().contains(Modifier.PRIVATE)
                    && unchecked) {
                return true;
            }
        }
        return false;
    }

    /** Describes a valid method for the generator. */
    MigrationMethod toModel(ExecutableElement method) {
        List<String> simpleNames = new ArrayList<>();
        for (Element enclosing = method.getEnclosingElement();
                enclosing instanceof TypeElement;
                enclosing = enclosing.getEnclosingElement()) {
            simpleNames.add(0, enclosing.getSimpleName().toString());
        }
        List<ParameterKind> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(ParameterKind.forType(erasedName(parameter.asType())).orElseThrow());
        }
        Optional<AnnotationMirror> annotation = MigrationAnnotation.on(method);
        return new MigrationMethod(
                MigrationAnnotation.id(method).orElseThrow(),
                elements.getPackageOf(method).getQualifiedName().toString(),
                simpleNames,
                method.getSimpleName().toString(),
                method.getModifiers().contains(Modifier.STATIC),
                parameters,
                documentation(method),
                checksums.of(method, parameters),
                annotation.map(MigrationAnnotation::transactional).orElse(true),
                annotation
                        .flatMap(MigrationAnnotation::runUntil)
                        .map(value -> (String) value.getValue())
                        .orElse(null),
                annotation.map(MigrationAnnotation::after).orElse(List.of()).stream()
                        .map(value -> (String) value.getValue())
                        .toList(),
                hasUsableConstructor((TypeElement) method.getEnclosingElement()));
    }

    /**
     * The method's doc comment without its block tags: {@code @param handle ...} documents the method, not the
     * registry constant the comment is copied to.
     */
    private String documentation(ExecutableElement method) {
        String comment = elements.getDocComment(method);
        if (comment == null) {
            return "";
        }
        // javac keeps the space after each line's '*', except on the first line of "/** Text": drop the least
        // indentation of the other lines so that <pre> blocks keep their shape.
        List<String> lines = List.of(comment.split("\n", -1));
        int indentation = lines.stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0
                    ? lines.get(i).strip()
                    : lines.get(i).substring(Math.min(indentation, lines.get(i).length()));
            if (line.stripLeading().startsWith("@")) { // A block tag, as javadoc reads it (even in <pre>).
                break;
            }
            description.append(line.stripTrailing()).append('\n');
        }
        return description.toString().strip();
    }

    /** Names a method in messages: {@code com.example.Outer.Inner#method}. */
    static String nameOf(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method.getSimpleName();
    }

    private String erasedName(TypeMirror type) {
        TypeMirror erasure = types.erasure(type);
        if (erasure.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) erasure).asElement())
                    .getQualifiedName()
                    .toString();
        }
        return erasure.toString();
    }
}
