package org.tlsrpthub.hub.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy cells of past days that an evaluator read, per domain and day with the day's revision
 * (V72), so that the next evaluation reads again only the days whose revision moved: after an ingest
 * batch, the day its reports are about. The revisions are in the database, so every hub node's cache
 * sees every node's writes. Bounded by a number of cells, the least recently used domain going
 * first; what a cell costs does not depend on how many reports it sums.
 *
 * <p>A sweep over every domain ({@link #sweeping()}) keeps a domain only while there is room, so that
 * a hub with more domains than fit does not trade the domains ingest touches for whichever came last
 * in the sweep.
 */
public final class PolicyCellsCache {
    /** What a held cell takes, roughly: the cell (48 bytes), its list slot and its share of its day's entry. */
    static final long BYTES_PER_CELL = 64;

    /**
     * A million cells (about 64 MB: three times a thousand domains' six weeks), or a sixteenth of the
     * heap where that is less, so that a small heap (256 MiB) keeps its room for the rest.
     */
    public static long defaultMaxCells() {
        return Math.min(1_000_000, Runtime.getRuntime().maxMemory() / 16 / BYTES_PER_CELL);
    }

    /** One day of a domain: its revision when read ({@link #UNKNOWN} when there was none) and its cells. */
    record Day(long revision, List<PolicyData.Cell> cells) {}

    /** A day read without a revision (written meanwhile): read again next time. */
    static final long UNKNOWN = -1;

    private final Shared shared;
    private final boolean evicts;

    public PolicyCellsCache(long maxCells) {
        this(new Shared(maxCells), true);
    }

    private PolicyCellsCache(Shared shared, boolean evicts) {
        this.shared = shared;
        this.evicts = evicts;
    }

    /** The same cache, as a sweep over every domain uses it: nothing is evicted for a domain it reads. */
    public PolicyCellsCache sweeping() {
        return new PolicyCellsCache(shared, false);
    }

    /** The days held for {@code domain}, by day; null when none. */
    Map<Integer, Day> get(String domain) {
        synchronized (shared) {
            Held h = shared.domains.get(domain);
            return h == null ? null : h.days();
        }
    }

    /** Holds {@code days} (not changed afterwards) as the domain's, in place of what was held. */
    void put(String domain, Map<Integer, Day> days) {
        long size = 0;
        for (Day d : days.values()) size += d.cells().size();
        synchronized (shared) {
            Held old = shared.domains.remove(domain);
            if (old != null) shared.cells -= old.cells();
            if (size > shared.maxCells || !evicts && shared.cells + size > shared.maxCells) return;
            shared.domains.put(domain, new Held(days, size));
            shared.cells += size;
            var eldest = shared.domains.entrySet().iterator();
            while (shared.cells > shared.maxCells) {
                shared.cells -= eldest.next().getValue().cells();
                eldest.remove();
            }
        }
    }

    /** Cells held, over every domain. */
    public long cells() {
        synchronized (shared) {
            return shared.cells;
        }
    }

    private record Held(Map<Integer, Day> days, long cells) {}

    private static final class Shared {
        final long maxCells;
        final LinkedHashMap<String, Held> domains = new LinkedHashMap<>(64, 0.75f, true);
        long cells;

        Shared(long maxCells) {
            if (maxCells < 0) throw new IllegalArgumentException("the cells cache's size must not be negative: " + maxCells);
            this.maxCells = maxCells;
        }
    }
}
