package dev.godwit.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Runs Godwit's processor behind a {@code ProcessingEnvironment} that is not javac's own, as Gradle's incremental
 * annotation processing and some IDEs hand it: everything works but javac's tree API, which refuses such an
 * environment.
 */
final class WrappedEnvironmentProcessor extends AbstractProcessor {

    private final MigrationProcessor godwit = new MigrationProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        godwit.init((ProcessingEnvironment) Proxy.newProxyInstance(
                ProcessingEnvironment.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(environment, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return godwit.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return godwit.getSupportedSourceVersion();
    }

    @Override
    public Set<String> getSupportedOptions() {
        return godwit.getSupportedOptions();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return godwit.process(annotations, round);
    }
}
