package dev.godwit.runtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The main class of a separate runner process, started by {@link MultiProcessTest}: a real JVM with its own
 * connections, which the test can start many times at once or kill.
 *
 * <p>Arguments: a JDBC URL, a scenario, and optionally a lock timeout ({@code PT5S}). The process prints {@code READY}, waits for a line on its standard input
 * (so that all processes start their runs at the same moment), runs the scenario's migrations and prints one line
 * {@code RESULT <id> <outcome>} per migration. Every attempt of a failing migration prints {@code ATTEMPT <id>}
 * first, and a blocking migration prints {@code BLOCKING <id>} once its writes are done.
 */
public final class RunnerProcess {

    /** The migrations of the concurrency scenario, one of which always fails. */
    static final int MIGRATIONS = 12;

    static final String FAILING_ID = "v7_fails";

    private RunnerProcess() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String scenario = args[1];
        TestRegistry registry = switch (scenario) {
            case "concurrent" -> concurrent();
            case "blocking" -> crashable(true);
            case "after-crash" -> crashable(false);
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
        MigrationRunner.Builder builder =
                MigrationRunner.builder(Jdbi.create(url)).registries(registry);
        if (args.length > 2) {
            builder.lockTimeout(Duration.parse(args[2]));
        }
        MigrationRunner runner = builder.build();

        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

        MigrationReport report = runner.runAll();
        for (MigrationResult result : report.results()) {
            System.out.println("RESULT " + result.id() + " " + result.outcome());
        }
        System.out.flush();
    }

    /** Migrations that each record their run in {@code events}, slowly enough for runners to meet. */
    private static TestRegistry concurrent() {
        TestRegistry registry = new TestRegistry();
        for (int i = 1; i <= MIGRATIONS; i++) {
            String id = i == 7 ? FAILING_ID : "v" + i;
            if (id.equals(FAILING_ID)) {
                registry.add(id, invocation -> {
                    System.out.println("ATTEMPT " + id);
                    System.out.flush();
                    TestRegistry.insertEvent(invocation, id);
                    throw new IllegalStateException("always fails");
                });
            } else {
                registry.add(id, invocation -> {
                    TestRegistry.insertEvent(invocation, id);
                    TimeUnit.MILLISECONDS.sleep(20);
                });
            }
        }
        return registry;
    }

    /**
     * {@code v1} records an event; {@code v2} records two and then, when {@code block} is set, waits until the process
     * is killed; {@code v3} records one.
     */
    private static TestRegistry crashable(boolean block) {
        return new TestRegistry()
                .event("v1")
                .add("v2", invocation -> {
                    TestRegistry.insertEvent(invocation, "v2_first");
                    TestRegistry.insertEvent(invocation, "v2_second");
                    if (block) {
                        System.out.println("BLOCKING v2");
                        System.out.flush();
                        TimeUnit.MINUTES.sleep(10);
                    }
                })
                .event("v3");
    }
}
