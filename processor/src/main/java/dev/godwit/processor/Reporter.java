package dev.godwit.processor;

import static javax.tools.Diagnostic.Kind.ERROR;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reports errors on the most specific spot javac can show, and remembers whether there were any. Elements from an
 * earlier round are found again by name, since javac's elements of one round are not meant to outlive it.
 */
final class Reporter {

    private final Messager messager;
    private final Elements elements;
    private boolean hadErrors;

    Reporter(Messager messager, Elements elements) {
        this.messager = messager;
        this.elements = elements;
    }

    /** Whether any error was reported in this compilation. */
    boolean hadErrors() {
        return hadErrors;
    }

    /** Reports an error that belongs to no element, such as a bad compiler option. */
    void error(String message) {
        hadErrors = true;
        messager.printMessage(ERROR, message);
    }

    void error(String message, Element element) {
        hadErrors = true;
        messager.printMessage(ERROR, message, element);
    }

    /** Reports an error with the caret under the ID of {@code method}'s {@code @Migration}. */
    void errorOnId(String message, ExecutableElement method) {
        Optional<AnnotationMirror> mirror = MigrationAnnotation.on(method);
        Optional<AnnotationValue> value = mirror.flatMap(MigrationAnnotation::value);
        hadErrors = true;
        if (value.isPresent()) {
            messager.printMessage(ERROR, message, method, mirror.get(), value.get());
        } else {
            messager.printMessage(ERROR, message, method);
        }
    }

    /** Reports an error with the caret under {@code value}, an attribute of {@code method}'s {@code @Migration}. */
    void errorOnValue(String message, ExecutableElement method, AnnotationValue value) {
        hadErrors = true;
        messager.printMessage(
                ERROR, message, method, MigrationAnnotation.on(method).orElseThrow(), value);
    }

    /**
     * Reports an error under a prerequisite ID in the {@code after} attribute of a migration known by name, perhaps
     * from an earlier round.
     */
    void errorOnPrerequisite(String message, String className, String methodName, String id, String prerequisite) {
        TypeElement type = elements.getTypeElement(className);
        if (type != null) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                Optional<AnnotationMirror> mirror = MigrationAnnotation.on(method);
                if (method.getSimpleName().contentEquals(methodName)
                        && MigrationAnnotation.id(method).filter(id::equals).isPresent()) {
                    Optional<? extends AnnotationValue> value = MigrationAnnotation.after(mirror.orElseThrow()).stream()
                            .filter(element -> prerequisite.equals(element.getValue()))
                            .findFirst();
                    if (value.isPresent()) {
                        errorOnValue(message, method, value.get());
                    } else {
                        errorOnId(message, method);
                    }
                    return;
                }
            }
        }
        error(message);
    }

    /** Reports an error under the ID of a migration known by name, perhaps from an earlier round. */
    void errorOnId(String message, String className, String methodName, String id) {
        TypeElement type = elements.getTypeElement(className);
        if (type != null) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (method.getSimpleName().contentEquals(methodName)
                        && MigrationAnnotation.id(method).filter(id::equals).isPresent()) {
                    errorOnId(message, method);
                    return;
                }
            }
        }
        error(message);
    }

    /** Reports an error on a syntax tree, for code that javac shows no element for. */
    void error(String message, Trees trees, Tree tree, CompilationUnitTree unit) {
        hadErrors = true;
        trees.printMessage(ERROR, message, tree, unit);
    }
}
