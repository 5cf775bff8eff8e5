package dev.godwit.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.StandardLocation;

/** Another annotation processor, as a user's build may have: writes one file, once, in a round of its choosing. */
final class SourceGenerator extends AbstractProcessor {

    private final Predicate<RoundEnvironment> round;
    private final String name;
    private final String content;
    private final boolean isResource;
    private boolean done;

    private SourceGenerator(Predicate<RoundEnvironment> round, String name, String content, boolean isResource) {
        this.round = round;
        this.name = name;
        this.content = content;
        this.isResource = isResource;
    }

    /** Writes the source of {@code qualifiedName} in the first round. */
    static SourceGenerator inFirstRound(String qualifiedName, String... lines) {
        return new SourceGenerator(round -> true, qualifiedName, String.join("\n", lines), false);
    }

    /** Writes the source of {@code qualifiedName} in the round whose sources include {@code trigger}. */
    static SourceGenerator after(String trigger, String qualifiedName, String... lines) {
        Predicate<RoundEnvironment> round = environment -> ElementFilter.typesIn(environment.getRootElements()).stream()
                .anyMatch(type -> type.getQualifiedName().contentEquals(trigger));
        return new SourceGenerator(round, qualifiedName, String.join("\n", lines), false);
    }

    /** Writes a resource to the class output in the first round. */
    static SourceGenerator resourceInFirstRound(String path, String content) {
        return new SourceGenerator(round -> true, path, content, true);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment environment) {
        if (done || environment.processingOver() || !round.test(environment)) {
            return false;
        }
        done = true;
        try (Writer writer = isResource
                ? processingEnv
                        .getFiler()
                        .createResource(StandardLocation.CLASS_OUTPUT, "", name)
                        .openWriter()
                : processingEnv.getFiler().createSourceFile(name).openWriter()) {
            writer.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }
}
