package dev.godwit.bench.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    /**
     * The system property that, in the benchmark's tests, names a file that it creates in its last round, to show that
     * it ran (javac's {@code -nowarn} drops a processor's notes). The benchmark itself never sets it.
     */
    public static final String RAN_MARKER_PROPERTY = "godwit.bench.reference.ran";

    private boolean generated;

    /** Called by javac. */
    public ReferenceProcessor() {}

    private static Optional<Path> ranMarker() {
        return Optional.ofNullable(System.getProperty(RAN_MARKER_PROPERTY)).map(Path::of);
    }

    private static void markRan(Path marker) {
        try {
            Files.writeString(marker, "ran\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        if (round.processingOver()) {
            ranMarker().ifPresent(ReferenceProcessor::markRan);
            return true;
        }
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
