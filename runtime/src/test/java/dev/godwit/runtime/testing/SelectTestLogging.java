package dev.godwit.runtime.testing;

import org.junit.jupiter.api.extension.Extension;

/**
 * Makes SLF4J use {@link SimpleLoggingWithMdc}. Registered for every test through JUnit's extension auto-detection
 * ({@code junit-platform.properties} and {@code META-INF/services}), so it is created before any test code can
 * initialize SLF4J; naming the provider explicitly also keeps SLF4J from warning about two providers.
 */
public final class SelectTestLogging implements Extension {

    static {
        System.setProperty("slf4j.provider", SimpleLoggingWithMdc.class.getName());
        // SLF4J reports the explicit choice at INFO; only its warnings are of interest.
        System.setProperty("slf4j.internal.verbosity", "WARN");
    }
}
