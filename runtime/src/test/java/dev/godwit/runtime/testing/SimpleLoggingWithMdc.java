package dev.godwit.runtime.testing;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working {@link org.slf4j.MDC}: slf4j-simple's own provider drops every MDC value, and the
 * tests check the values the runner puts there. Selected by {@link SelectTestLogging}.
 */
public final class SimpleLoggingWithMdc extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
