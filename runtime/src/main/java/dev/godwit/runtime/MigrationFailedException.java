package dev.godwit.runtime;

import java.util.List;

/**
 * One or more migrations failed in a run; thrown by {@link MigrationReport#throwIfFailed()} for callers that want a
 * failed migration to stop the application. The message names the failed IDs with their errors, and each failure's
 * exception is attached as a {@linkplain #getSuppressed() suppressed exception}.
 *
 * <p>By the time this is thrown every failure is recorded as {@code failed} in the tracking table and the other
 * migrations have run: failed migrations run again on the next start.
 */
public final class MigrationFailedException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String[] migrationIds;

    /**
     * Creates the exception from the failed results of a run.
     *
     * @param failures the results whose outcome is {@link MigrationResult.Outcome#FAILED}, in run order; not empty
     * @throws IllegalArgumentException if {@code failures} is empty or holds a result that did not fail
     */
    public MigrationFailedException(List<MigrationResult> failures) {
        super(message(failures));
        this.migrationIds = failures.stream().map(MigrationResult::id).toArray(String[]::new);
        for (MigrationResult failure : failures) {
            Throwable error = failure.error().orElse(null);
            if (error != null) {
                addSuppressed(error);
            }
        }
    }

    private static String message(List<MigrationResult> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("no failures");
        }
        StringBuilder message = new StringBuilder();
        message.append(failures.size() == 1 ? "1 migration failed: " : failures.size() + " migrations failed: ");
        for (int i = 0; i < failures.size(); i++) {
            MigrationResult failure = failures.get(i);
            if (failure.outcome() != MigrationResult.Outcome.FAILED) {
                throw new IllegalArgumentException("not a failure: " + failure);
            }
            message.append(i == 0 ? "" : ", ").append(failure.id());
            failure.error()
                    .ifPresent(error -> message.append(" (").append(error).append(')'));
        }
        return message.append(". Each failure is recorded in the tracking table and the migration runs again on the"
                        + " next start; the exceptions are attached as suppressed.")
                .toString();
    }

    /**
     * Returns the IDs of the migrations that failed.
     *
     * @return the failed IDs, in run order
     */
    public List<String> migrationIds() {
        return List.of(migrationIds);
    }
}
