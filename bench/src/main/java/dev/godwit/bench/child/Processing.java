package dev.godwit.bench.child;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How javac processes annotations in a measurement of the processor's cost: not at all, with Godwit's processor, or
 * with one of two reference processors that show what any annotation processor costs javac on the same sources.
 */
public enum Processing {
    /** {@code -proc:none}: the baseline. */
    NONE("without a processor (`-proc:none`)"),
    /** Godwit's processor, from the processor path given. */
    GODWIT("with Godwit's processor"),
    /** {@link ReferenceProcessor} claiming {@code @Migration} and generating nothing. */
    CLAIMING("with a processor that only claims `@Migration`"),
    /** {@link ReferenceProcessor} claiming {@code @Migration} and generating one empty class. */
    GENERATING("with a processor that claims `@Migration` and generates one empty class");

    private final String label;

    Processing(String label) {
        this.label = label;
    }

    /**
     * Returns how the report names it.
     *
     * @return the label, in Markdown
     */
    public String label() {
        return label;
    }

    /**
     * The orders in which the measurements take turns, one per round, cycling: each way follows every other exactly
     * once in four rounds (a balanced Latin square), so that none always compiles in the same one's wake.
     */
    private static final int[][] ORDERS = {{0, 1, 3, 2}, {1, 2, 0, 3}, {2, 3, 1, 0}, {3, 0, 2, 1}};

    /**
     * Returns every way, in the order of round {@code round} of a measurement that compiles once each way per round.
     *
     * @param round the round, from 0
     * @return the ways, in the order to compile them
     */
    public static List<Processing> inOrderOfRound(int round) {
        Processing[] all = values();
        return Arrays.stream(ORDERS[round % ORDERS.length])
                .mapToObj(index -> all[index])
                .toList();
    }

    /**
     * Returns the key of its times in the report of a warm JVM's compilations.
     *
     * @return the key
     */
    public String reportKey() {
        return name().toLowerCase(Locale.ROOT) + "_ns";
    }

    /** javac's options for it; {@code godwitProcessorPath} is used by {@link #GODWIT} only. */
    List<String> options(String godwitProcessorPath, Path out) {
        return switch (this) {
            case NONE -> List.of("-proc:none");
            case GODWIT -> List.of("-processorpath", godwitProcessorPath, "-s", out.toString());
            case CLAIMING, GENERATING ->
                List.of(
                        "-processorpath",
                        ChildMain.benchClasses().toString(),
                        "-processor",
                        ReferenceProcessor.class.getName(),
                        "-A" + ReferenceProcessor.GENERATE_OPTION + "=" + (this == GENERATING),
                        "-s",
                        out.toString());
        };
    }
}
