package dev.godwit.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @Migration} method of a compilation and generates the registry that Godwit's runtime finds
 * through {@link java.util.ServiceLoader}. The rules it enforces are listed on {@link dev.godwit.Migration}.
 *
 * <p>Options: {@code -Agodwit.registry=com.example.AppMigrations} names the generated registry class; by default it
 * is {@code GodwitRegistry} in the longest package common to all classes with migrations. Give each jar with
 * migrations its own name when two of them would otherwise get the same one. {@code -Agodwit.sqlLocation=db/sql}
 * names the resource directory of the SQL migrations, whose IDs no method may also have; by default
 * {@code db/migration}.
 *
 * <p>Users do not call this class: the compiler finds it on the annotation processor path.
 */
@AutoService(Processor.class)
public final class MigrationProcessor extends AbstractProcessor {

    private CompilationRounds rounds;
    private boolean crashed;

    /** Called by the compiler. */
    public MigrationProcessor() {}

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        try {
            rounds = new CompilationRounds(processingEnv);
        } catch (Throwable crash) {
            report(crash);
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(MigrationAnnotation.NAME);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(RegistryName.OPTION, SqlFiles.OPTION);
    }

    /** Runs one round; claims {@code @Migration}, which no other processor has a use for. */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!crashed) {
            try {
                rounds.process(round);
            } catch (Throwable crash) {
                report(crash);
            }
        }
        return true;
    }

    /** Turns a bug of ours into one readable error, instead of javac's stack trace of a crashed processor. */
    private void report(Throwable crash) {
        crashed = true;
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internalError(crash));
    }
}
