package dev.godwit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.bench.child.Processing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report and the chart of made-up results, without a child JVM: every contender has its column, and each Godwit
 * variant its ratios, targets and statement counts, so that one variant's verdict never stands for the other's; Godwit
 * (Handle) has its ratio to the JDBI loop too, which is no target.
 */
class ReportTest {

    private static final List<Integer> SIZES = List.of(100, 1_000, 10_000);

    private static Results results;
    private static String markdown;

    @BeforeAll
    static void report() {
        results = new Results();
        for (DatabaseSetup database : List.of(DatabaseSetup.SQLITE, DatabaseSetup.POSTGRES)) {
            for (Metric metric : Metric.values()) {
                for (int size : SIZES) {
                    for (Contender contender : Contender.values()) {
                        // Linear in N, and a fixed factor over the loop per contender.
                        results.add(database, metric, size, contender, size * 1e-3 * factor(contender));
                    }
                }
            }
        }
        for (int size : SIZES) {
            for (Contender contender : Contender.values()) {
                int perMigration = contender == Contender.GODWIT ? 6 : 5;
                results.count(
                        DatabaseSetup.POSTGRES,
                        size,
                        contender,
                        true,
                        new StatementCounter.Count(
                                3 + perMigration * (size + 1L), 4 + size + 1L, Map.of("BEGIN", size + 1L)));
                results.count(
                        DatabaseSetup.POSTGRES, size, contender, false, new StatementCounter.Count(3, 4, Map.of()));
            }
        }
        double[] seconds = {2.0, 4.0, 2.4, 2.6};
        for (Results.Compilation compilation : Results.Compilation.values()) {
            for (Processing processing : Processing.values()) {
                results.compilation(compilation, processing, seconds[processing.ordinal()]);
            }
        }
        markdown = new Report(Options.parse("--sizes=100,1000,10000"), MachineInfo.capture(), results).markdown();
    }

    private static double factor(Contender contender) {
        return switch (contender) {
            case GODWIT_JDBC -> 1.1;
            case GODWIT -> 2.0;
            case FLYWAY -> 5.0;
            case JDBC_LOOP -> 1.0;
            case JDBI_LOOP -> 1.6;
        };
    }

    @Test
    void everyDatabaseTableHasBothGodwitVariantsFirstAndTheirOwnRatios() {
        assertThat(markdown.lines().filter(line -> line.startsWith("| | N |")))
                .hasSize(2)
                .allMatch(line -> line.equals("| | N | Godwit (JDBC) | Godwit (Handle) | Flyway | JDBC loop | JDBI loop"
                        + " | Godwit (JDBC) / loop | Godwit (Handle) / loop | Godwit (Handle) / JDBI loop"
                        + " | Flyway / Godwit (JDBC) | Flyway / Godwit (Handle) |"));
        assertThat(markdown).contains("|---|---:|---:|---:|---:|---:|---:|---|---|---|---|---|\n");
        // The ratio over the JDBI loop carries no target, whatever it is.
        assertThat(markdown)
                .contains("| all pending | 1,000 | 1.10 s<br>1.10 s-1.10 s | 2.00 s<br>2.00 s-2.00 s"
                        + " | 5.00 s<br>5.00 s-5.00 s | 1.00 s<br>1.00 s-1.00 s | 1.60 s<br>1.60 s-1.60 s"
                        + " | 1.10× (target ≤ 1.2: met) | 2.00× (target ≤ 1.2: **not met**) | 1.25× | 4.55×"
                        + " | 2.50× |\n");
        assertThat(markdown).contains("The \"JDBI loop\" is the JDBC loop with Godwit (Handle)'s very bodies");
    }

    @Test
    void everyTargetOnGodwitIsCheckedForBothVariants() {
        assertThat(markdown)
                .contains(
                        "| SQLite file, N=1,000 | all pending: Godwit (JDBC) / JDBC loop ≤ 1.2 | 1.10× | met |",
                        "| SQLite file, N=1,000 | all pending: Godwit (Handle) / JDBC loop ≤ 1.2 | 2.00× | **not met** |",
                        "| SQLite file, N=1,000 | nothing pending (restart): Flyway / Godwit (JDBC) ≥ 2 | 4.55× | met |",
                        "| SQLite file, N=1,000 | nothing pending (restart): Flyway / Godwit (Handle) ≥ 2 | 2.50× | met |",
                        "| PostgreSQL (embedded defaults), N=1,000 | all pending, Godwit (JDBC): statements per migration"
                                + " ≤ 5 | 5.00 | met |",
                        "| PostgreSQL (embedded defaults), N=1,000 | all pending, Godwit (Handle): statements per"
                                + " migration ≤ 5 | 6.00 | **not met** |",
                        "| PostgreSQL (embedded defaults) | nothing pending, Godwit (JDBC): the same number of"
                                + " statements at every N | N=100: 3, 1,000: 3, 10,000: 3 | met |");
        for (Contender godwit : Contender.GODWITS) {
            assertThat(Targets.check(results))
                    .filteredOn(check -> check.target().contains(godwit.label()))
                    .extracting(Targets.Check::target)
                    .anyMatch(target -> target.contains("grows linearly"))
                    .anyMatch(target -> target.contains("commits per migration"));
        }
        // The JDBI loop is a reference: every target is still on the JDBC loop.
        assertThat(Targets.check(results)).noneMatch(check -> check.target().contains("JDBI"));
        // Every target with a Godwit figure names its variant: none may be read as holding for both.
        assertThat(Targets.check(results))
                .filteredOn(check -> check.target().contains("Godwit"))
                .allMatch(check -> Contender.GODWITS.stream()
                        .anyMatch(godwit -> check.target().contains(godwit.label())));
    }

    @Test
    void processorTableSetsGodwitsCostAgainstThatOfAnyProcessor() {
        assertThat(markdown)
                .contains(
                        "| | javac in a fresh JVM, time inside | javac in a fresh JVM, whole process | javac in a warm"
                                + " JVM (after 3 warm-ups) |\n|---|---:|---:|---:|\n")
                .contains("| without a processor (`-proc:none`) | 2.00 s<br>2.00 s-2.00 s | 2.00 s<br>2.00 s-2.00 s |")
                .contains("| with Godwit's processor | 4.00 s<br>4.00 s-4.00 s<br>2.00× (target ≤ 1.15: **not met**) |")
                .contains("| with a processor that only claims `@Migration` | 2.40 s<br>2.40 s-2.40 s<br>1.20× |")
                .contains("| with a processor that claims `@Migration` and generates one empty class"
                        + " | 2.60 s<br>2.60 s-2.60 s<br>1.30× |");
        assertThat(Targets.check(results))
                .filteredOn(check -> check.where().equals("processor"))
                .extracting(Targets.Check::measured)
                .containsOnly("2.00×");
    }

    @Test
    void statementTableHasEveryContender() {
        for (Contender contender : Contender.values()) {
            assertThat(markdown).contains("| 1,000 | " + contender.label() + " | ");
            assertThat(markdown).contains("- " + contender.label() + ": `BEGIN` 1.00");
        }
    }

    @Test
    void chartHasALineAndALegendEntryOfItsOwnColourForEveryContender() {
        String svg = new SvgChart(results).render();
        for (Contender contender : Contender.values()) {
            assertThat(svg).contains(">" + contender.label() + "</text>");
        }
        // Three panels for each of the two databases, one line per contender in each.
        assertThat(svg.split("<polyline", -1)).hasSize(2 * 3 * Contender.values().length + 1);
        assertThat(svg)
                .contains(
                        "stroke=\"#e7298a\"",
                        "stroke=\"#1b9e77\"",
                        "stroke=\"#d95f02\"",
                        "stroke=\"#7570b3\"",
                        "stroke=\"#666666\"");
    }
}
