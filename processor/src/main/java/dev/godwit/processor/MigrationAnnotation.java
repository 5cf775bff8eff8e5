package dev.godwit.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads {@code @Migration} off elements: its mirror, for diagnostics, and the ID it carries. */
final class MigrationAnnotation {

    static final String NAME = "dev.godwit.Migration";

    /*
     * javac stands an unresolvable constant (@Migration(Ids.MISSING)) in for the string "<error>", which prints
     * unquoted; a real string constant prints quoted ("\"<error>\""). Such a value is javac's to report.
     */
    private static final String JAVAC_ERROR_VALUE = "<error>";

    private MigrationAnnotation() {}

    /** Returns the {@code @Migration} annotation of {@code element}, if it has one. */
    static Optional<AnnotationMirror> on(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(NAME)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the {@code value} of the annotation, or empty while javac cannot tell it: a missing value or a
     * constant it cannot resolve (perhaps one another processor is about to generate).
     */
    static Optional<AnnotationValue> value(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                mirror.getElementValues().entrySet()) {
            AnnotationValue value = entry.getValue();
            if (entry.getKey().getSimpleName().contentEquals("value")
                    && value.getValue() instanceof String
                    && !value.toString().equals(JAVAC_ERROR_VALUE)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the {@code transactional} attribute of the annotation: {@code true} unless it is set to {@code false}.
     */
    static boolean transactional(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("transactional")
                    && entry.getValue().getValue() instanceof Boolean transactional) {
                return transactional;
            }
        }
        return true;
    }

    /** Returns the {@code runUntil} attribute, if it is set (to anything but its default, the empty string). */
    static Optional<AnnotationValue> runUntil(AnnotationMirror mirror) {
        return attribute(mirror, "runUntil")
                .filter(value -> value.getValue() instanceof String text && !text.isEmpty());
    }

    /**
     * Returns the elements of the {@code after} attribute, one per prerequisite ID; empty if it is not set. An
     * element javac could not resolve is not a {@code String}: see {@link #isResolved(AnnotationValue)}.
     */
    static List<AnnotationValue> after(AnnotationMirror mirror) {
        return attribute(mirror, "after")
                .map(value -> value.getValue() instanceof List<?> elements
                        ? elements.stream().map(AnnotationValue.class::cast).toList()
                        : List.of(value))
                .orElse(List.of());
    }

    /** Whether javac could tell the string an annotation value holds (not an unresolvable constant). */
    static boolean isResolved(AnnotationValue value) {
        return value.getValue() instanceof String && !value.toString().equals(JAVAC_ERROR_VALUE);
    }

    private static Optional<AnnotationValue> attribute(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** Returns the ID on {@code method}, if it has a {@code @Migration} whose value javac could resolve. */
    static Optional<String> id(Element method) {
        return on(method).flatMap(MigrationAnnotation::value).map(value -> (String) value.getValue());
    }
}
