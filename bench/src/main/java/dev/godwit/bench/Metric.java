package dev.godwit.bench;

/** A figure measured for each database, N and contender. */
enum Metric {
    ALL_PENDING("all pending", true),
    NOOP_COLD("nothing pending (restart)", true),
    NOOP_PROCESS("nothing pending, whole process", true),
    NOOP_WARM("nothing pending, warm JVM", true),
    ALL_PENDING_WARM("all pending, warm JVM", true),
    RSS_ALL_PENDING("peak RSS, all pending", false),
    RSS_NOOP("peak RSS, nothing pending", false);

    private final String label;
    private final boolean time;

    Metric(String label, boolean time) {
        this.label = label;
        this.time = time;
    }

    String label() {
        return label;
    }

    /** Seconds if {@code true}, else MiB. */
    boolean isTime() {
        return time;
    }
}
