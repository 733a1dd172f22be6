package org.tlsrpthub.hub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.ingest.ReportOutcome;

/**
 * What an import did. Reports are counted one by one (an email may hold several); an input that
 * could not be parsed counts once as quarantined.
 */
public final class ImportSummary {
    private long inputs;
    private long stored;
    private long duplicates;
    private long quarantined;
    private long rejected;
    private final Map<String, Long> reasons = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>();
    private final List<String> unreadable = new ArrayList<>();
    private long writeNanos;
    private long transactions;

    private long writeCpuNanos;

    synchronized void wrote(long nanos, long cpuNanos) {
        writeNanos += nanos;
        writeCpuNanos += cpuNanos;
        transactions++;
    }

    /** Time spent in write transactions (for benchmarks: the rest is reading and parsing). */
    public synchronized long writeNanos() { return writeNanos; }
    /** CPU time of the writing thread inside write transactions (JDBC driver and, for SQLite, the database itself). */
    public synchronized long writeCpuNanos() { return writeCpuNanos; }
    public synchronized long transactions() { return transactions; }

    synchronized void add(IngestOutcome o) {
        inputs++;
        if (o.reports().isEmpty()) {
            count(o.status(), o.kind(), o.reason());
        } else {
            for (ReportOutcome r : o.reports()) count(r.status(), o.kind(), r.reason());
        }
    }

    private void count(IngestStatus s, String kind, String reason) {
        switch (s) {
            case STORED -> stored++;
            case DUPLICATE -> duplicates++;
            case QUARANTINED -> quarantined++;
            case REJECTED -> rejected++;
        }
        if (reason == null) return;
        // Grouped by kind: reasons name input-specific details (bytes, pointers) and would not group.
        String key = s.name().toLowerCase(java.util.Locale.ROOT) + " " + kind;
        reasons.merge(key, 1L, Long::sum);
        examples.putIfAbsent(key, reason);
    }

    synchronized void unreadable(String origin, String error) {
        unreadable.add(origin + ": " + error);
    }

    public synchronized long inputs() { return inputs; }
    public synchronized long stored() { return stored; }
    public synchronized long duplicates() { return duplicates; }
    public synchronized long quarantined() { return quarantined; }
    public synchronized long rejected() { return rejected; }
    public synchronized long reports() { return stored + duplicates + quarantined + rejected; }

    /** "quarantined KIND" and "rejected KIND" with how often each occurred. */
    public synchronized Map<String, Long> reasons() {
        return Map.copyOf(reasons);
    }

    /** The first reason seen for each key of {@link #reasons()}. */
    public synchronized Map<String, String> examples() {
        return Map.copyOf(examples);
    }

    /** Inputs that could not be read at all (the import then exits non-zero). */
    public synchronized List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Exactly {@code {"stored":n,"duplicates":n,"quarantined":n,"rejected":n}}. */
    public synchronized String toJson() {
        return "{\"stored\":" + stored + ",\"duplicates\":" + duplicates + ",\"quarantined\":" + quarantined
                + ",\"rejected\":" + rejected + "}";
    }
}
