package org.tlsrpthub.hub.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tlsrpthub.hub.store.SqliteTuning;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --synchronous full,normal} for the benchmarks: the same run once per value, each on a
 * fresh SQLite store in a temporary directory, then the figures side by side (what the safe
 * default costs, measured in one run on one machine state).
 */
final class SynchronousComparison {
    @Option(names = "--synchronous", split = ",", paramLabel = "full|normal",
            description = "Run once per SQLite synchronous value (e.g. full,normal), each on a fresh temporary SQLite store, "
                    + "and print the figures side by side. Default: one run with store.sqlite.synchronous.")
    List<String> values = new ArrayList<>();

    // row -> column (synchronous value) -> figures
    private final Map<String, Map<String, String>> cells = new LinkedHashMap<>();
    private final Set<String> columns = new LinkedHashSet<>();

    boolean asked() {
        return !values.isEmpty();
    }

    /** The tunings to run, refusing a given store: a second run there would find the first one's reports. */
    List<SqliteTuning> tunings(CommandSpec spec, StoreOptions store) {
        if (!asked()) return List.of(store.sqliteTuning());
        if (store.namedOnCommandLine(spec) != null) {
            throw new ParameterException(spec.commandLine(), "--synchronous runs on fresh temporary stores; drop --db / --data-dir");
        }
        try {
            return values.stream().map(v -> store.sqliteTuning().withSynchronous(v)).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--synchronous: " + e.getMessage());
        }
    }

    void record(SqliteTuning tuning, String row, String figures) {
        String column = "synchronous=" + tuning.synchronous();
        columns.add(column);
        cells.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, figures);
    }

    /** The side-by-side table, when more than one value ran. */
    void print() {
        if (columns.size() < 2) return;
        int rowWidth = cells.keySet().stream().mapToInt(String::length).max().orElse(0);
        int cellWidth = Stream.concat(columns.stream(), cells.values().stream().flatMap(m -> m.values().stream()))
                .mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder("\nside by side:\n").append(" ".repeat(rowWidth));
        for (String c : columns) out.append("  ").append(pad(c, cellWidth));
        for (var row : cells.entrySet()) {
            out.append('\n').append(pad(row.getKey(), rowWidth));
            for (String c : columns) out.append("  ").append(pad(row.getValue().getOrDefault(c, "-"), cellWidth));
        }
        System.out.println(out);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
