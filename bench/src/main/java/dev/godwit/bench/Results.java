package dev.godwit.bench;

import dev.godwit.bench.child.Processing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Every sample of a run, and their medians. Times are in seconds, memory in MiB. */
final class Results {

    record Key(DatabaseSetup database, Metric metric, int size, Contender contender) {}

    record CountKey(DatabaseSetup database, int size, Contender contender, boolean allPending) {}

    /** The median of some samples, with their range. */
    record Summary(double median, double min, double max, int count) {

        static Summary of(List<Double> samples) {
            List<Double> sorted = new ArrayList<>(samples);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
        }
    }

    /** The processor's cost: compilations with and without it, in one way of running javac. */
    enum Compilation {
        COLD("javac in a fresh JVM, time inside"),
        COLD_PROCESS("javac in a fresh JVM, whole process"),
        WARM("javac in a warm JVM (after 3 warm-ups)");

        private final String label;

        Compilation(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final Map<Key, List<Double>> samples = new HashMap<>();
    private final Map<CountKey, StatementCounter.Count> counts = new HashMap<>();
    private final Map<Compilation, Map<Processing, List<Double>>> compilations = new EnumMap<>(Compilation.class);
    private final Map<DatabaseSetup, String> descriptions = new EnumMap<>(DatabaseSetup.class);

    void add(DatabaseSetup database, Metric metric, int size, Contender contender, double value) {
        samples.computeIfAbsent(new Key(database, metric, size, contender), key -> new ArrayList<>())
                .add(value);
    }

    Optional<Summary> summary(DatabaseSetup database, Metric metric, int size, Contender contender) {
        List<Double> list = samples.get(new Key(database, metric, size, contender));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(Summary.of(list));
    }

    /** The ratio of two contenders' medians. */
    Optional<Double> ratio(DatabaseSetup database, Metric metric, int size, Contender top, Contender bottom) {
        Optional<Summary> a = summary(database, metric, size, top);
        Optional<Summary> b = summary(database, metric, size, bottom);
        return a.isPresent() && b.isPresent() && b.get().median() > 0
                ? Optional.of(a.get().median() / b.get().median())
                : Optional.empty();
    }

    void count(DatabaseSetup database, int size, Contender contender, boolean allPending, StatementCounter.Count c) {
        counts.put(new CountKey(database, size, contender, allPending), c);
    }

    Optional<StatementCounter.Count> count(DatabaseSetup database, int size, Contender contender, boolean allPending) {
        return Optional.ofNullable(counts.get(new CountKey(database, size, contender, allPending)));
    }

    /** The database the statements were counted on, if any. */
    Optional<DatabaseSetup> countedDatabase() {
        return counts.keySet().stream().map(CountKey::database).findFirst();
    }

    void compilation(Compilation compilation, Processing processing, double seconds) {
        compilations
                .computeIfAbsent(compilation, key -> new EnumMap<>(Processing.class))
                .computeIfAbsent(processing, key -> new ArrayList<>())
                .add(seconds);
    }

    Optional<Summary> compilation(Compilation compilation, Processing processing) {
        List<Double> list = compilations.getOrDefault(compilation, Map.of()).get(processing);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(Summary.of(list));
    }

    /** The ratio of the median compilation time with {@code processing} to that without a processor. */
    Optional<Double> compilationRatio(Compilation compilation, Processing processing) {
        return compilation(compilation, processing)
                .flatMap(with ->
                        compilation(compilation, Processing.NONE).map(without -> with.median() / without.median()));
    }

    void describe(DatabaseSetup database, String description) {
        descriptions.put(database, description);
    }

    String description(DatabaseSetup database) {
        return descriptions.getOrDefault(database, "");
    }

    /** The databases with results, in the order of {@link DatabaseSetup}. */
    List<DatabaseSetup> databases() {
        return samples.keySet().stream()
                .map(Key::database)
                .collect(() -> new TreeSet<DatabaseSetup>(), TreeSet::add, TreeSet::addAll)
                .stream()
                .toList();
    }

    /** The sizes with results on a database, smallest first. */
    List<Integer> sizes(DatabaseSetup database) {
        return samples.keySet().stream()
                .filter(key -> key.database() == database)
                .map(Key::size)
                .collect(() -> new TreeSet<Integer>(), TreeSet::add, TreeSet::addAll)
                .stream()
                .toList();
    }
}
