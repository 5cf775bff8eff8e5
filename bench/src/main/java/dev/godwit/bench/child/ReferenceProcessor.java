package dev.godwit.bench.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The least an annotation processor costs javac, to set Godwit's processor against: it claims {@code @Migration}
 * and does nothing with it, and with {@code -Agodwit.bench.generate=true} writes one empty class in its first round,
 * the least any processor that generates code writes. javac then runs a round more, and every round enters all the
 * compilation's classes again.
 */
public final class ReferenceProcessor extends AbstractProcessor {

    /** The option that makes it generate its class. */
    static final String GENERATE_OPTION = "godwit.bench.generate";

    private boolean generated;

    /** Called by javac. */
    public ReferenceProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.godwit.Migration");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(GENERATE_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!generated && Boolean.parseBoolean(processingEnv.getOptions().get(GENERATE_OPTION))) {
            generated = true;
            try (Writer writer = processingEnv
                    .getFiler()
                    .createSourceFile("godwit.bench.reference.Generated")
                    .openWriter()) {
                writer.write("package godwit.bench.reference;\n\nfinal class Generated {}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }
}
