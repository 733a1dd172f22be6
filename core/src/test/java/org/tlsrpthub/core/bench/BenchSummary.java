package org.tlsrpthub.core.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the summary of a JMH JSON result file for bin/bench-parse: each benchmark's mean and best
 * iteration, and the typical full/bare ratio. On a shared machine the best iteration (highest ops/s,
 * lowest ms/op) is the one least disturbed by other processes, so both ratios are shown.
 */
public final class BenchSummary {
    private record Result(String mode, String unit, double score, double error, List<Double> iterations) {
        boolean higherIsBetter() {
            return unit.endsWith("/s");
        }

        double best() {
            double b = higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double v : iterations) b = higherIsBetter() ? Math.max(b, v) : Math.min(b, v);
            return b;
        }
    }

    private BenchSummary() {}

    public static void main(String[] args) throws IOException {
        Map<String, Result> results = read(Path.of(args[0]));
        Map<String, List<Double>> cpu = args.length > 1 ? readCpu(Path.of(args[1])) : Map.of();
        System.out.println();
        System.out.println("Parsing summary (one thread; mean ± 99.9% error, and the best iteration)");
        results.forEach((name, r) -> System.out.printf(Locale.ROOT, "  %-14s %12.1f ± %-10.1f best %12.1f  %s  (%d iterations)%n",
                name, r.score(), Double.isNaN(r.error()) ? 0 : r.error(), r.best(), r.unit(), r.iterations().size()));
        Result full = results.get("typicalFull"), bare = results.get("typicalBare");
        if (full != null && bare != null) {
            System.out.printf(Locale.ROOT, "  typical full / bare ceiling: %.2f (means), %.2f (best iterations)%n",
                    full.score() / bare.score(), full.best() / bare.best());
            System.out.printf(Locale.ROOT, "  wall clock (a loaded machine understates it): full >= 60,000 reports/s: %s (mean %.0f, best %.0f)%n",
                    full.score() >= 60_000 ? "met" : full.best() >= 60_000 ? "met by the best iteration only" : "NOT met",
                    full.score(), full.best());
        }
        if (cpu.containsKey("typicalFull") && cpu.containsKey("typicalBare")) {
            double fullNs = median(cpu.get("typicalFull")), bareNs = median(cpu.get("typicalBare"));
            System.out.printf(Locale.ROOT, "  CPU time per report (median of iterations): full %.0f ns, bare %.0f ns%n", fullNs, bareNs);
            System.out.printf(Locale.ROOT, "  => per core (CPU time): full %.0f reports/s, bare %.0f reports/s, full / bare %.2f; aim >= 60,000: %s%n",
                    1e9 / fullNs, 1e9 / bareNs, bareNs / fullNs, 1e9 / fullNs >= 60_000 ? "met" : "NOT met");
        }
        if (cpu.containsKey("largeFull")) {
            System.out.printf(Locale.ROOT, "  CPU time per 20,000-detail report (median): %.1f ms%n", median(cpu.get("largeFull")) / 1e6);
        }
        Result large = results.get("largeFull");
        if (large != null) {
            System.out.printf(Locale.ROOT, "  aim: 20,000-detail report < 300 ms: %s (warm mean %.1f ms)%n",
                    large.score() < 300 ? "met" : "NOT met", large.score());
        }
        Result cold = results.get("largeFullCold");
        if (cold != null) {
            System.out.printf(Locale.ROOT, "  20,000-detail report, first call in a fresh JVM: mean %.1f ms, best %.1f ms%n",
                    cold.score(), cold.best());
        }
    }

    private static Map<String, Result> read(Path file) throws IOException {
        Map<String, Result> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException("not a JMH JSON result: " + file);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String benchmark = null, mode = null, unit = null;
                double score = Double.NaN, error = Double.NaN;
                List<Double> iterations = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "benchmark" -> benchmark = p.getText();
                        case "mode" -> mode = p.getText();
                        case "primaryMetric" -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String m = p.currentName();
                                JsonToken t = p.nextToken();
                                switch (m) {
                                    case "score" -> score = number(p, t);
                                    case "scoreError" -> error = number(p, t);
                                    case "scoreUnit" -> unit = p.getText();
                                    case "rawData" -> {
                                        while (p.nextToken() == JsonToken.START_ARRAY) { // one array per fork
                                            JsonToken v;
                                            while ((v = p.nextToken()) != JsonToken.END_ARRAY) iterations.add(number(p, v));
                                        }
                                    }
                                    default -> p.skipChildren();
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                out.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), new Result(mode, unit, score, error, iterations));
            }
        }
        return out;
    }

    private static Map<String, List<Double>> readCpu(Path file) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static double number(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_STRING ? Double.NaN : p.getDoubleValue(); // JMH writes "NaN" as a string
    }
}
