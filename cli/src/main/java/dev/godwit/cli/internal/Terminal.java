package dev.godwit.cli.internal;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the command talks to a person at a terminal, who gets a live progress line, or to a pipe or a log. */
public final class Terminal {

    private Terminal() {}

    /**
     * Returns whether standard input and output are a terminal.
     *
     * <p>{@link System#console()} answers that up to JDK 21. From JDK 22 it may return a console for redirected
     * streams too, and {@code Console.isTerminal()} (new in JDK 22, so called reflectively here) tells.
     *
     * @return {@code true} on an interactive terminal
     */
    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
