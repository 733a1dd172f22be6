package org.tlsrpthub.hub.readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.readiness.PolicyCellsCache.Day;
import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.store.InList;

/**
 * The policy cells of a batch of domains: every cell of the days [{@code fromDay}, {@code endDay}),
 * and only the report cells (kind R) of the days from {@code reportsFromDay} to {@code fromDay};
 * through a {@link PolicyCellsCache} when there is one.
 */
final class PolicyCells {
    private PolicyCells() {}

    /** The cells of each of {@code domains} (distinct names) that has any, days in ascending order. */
    static Map<String, List<PolicyData.Cell>> read(Connection c, List<String> domains, int reportsFromDay, int fromDay, int endDay,
            PolicyCellsCache cache) throws SQLException {
        if (cache == null) return readCells(c, domains, Math.min(reportsFromDay, fromDay), fromDay, endDay);
        return cached(c, domains, Math.min(reportsFromDay, fromDay), fromDay, endDay, cache);
    }

    /** Reads the cells, those before {@code fullFromDay} report cells only, in one statement. */
    private static Map<String, List<PolicyData.Cell>> readCells(Connection c, List<String> domains, int fromDay, int fullFromDay, int endDay)
            throws SQLException {
        Map<String, List<PolicyData.Cell>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.cells(Dialect.of(c), InList.slots(domains.size())))) {
            int i = InList.bind(ps, 1, domains);
            ps.setInt(++i, fromDay);
            ps.setInt(++i, endDay);
            ps.setInt(++i, fullFromDay);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<PolicyData.Cell> cells = new ArrayList<>();
                    out.put(rs.getString(1), cells);
                    CellsJson.each(rs.getString(2), (day, reporter, key, kind, type, mx, sessions) ->
                            cells.add(new PolicyData.Cell(day, reporter, key, kind, type, mx, sessions)));
                }
            }
        }
        return out;
    }

    /**
     * The revisions of the days first, then the cells of each domain from its first day whose revision
     * is not the one held (one statement per such first day): cells read after their revision are at
     * least that new, so a day is never held as newer than it is (at worst it is read once more).
     */
    private static Map<String, List<PolicyData.Cell>> cached(Connection c, List<String> domains, int lowDay, int fromDay, int endDay,
            PolicyCellsCache cache) throws SQLException {
        Map<String, Map<Integer, Long>> revisions = revisions(c, domains, lowDay, endDay);
        Map<String, Map<Integer, Day>> held = new HashMap<>();
        Map<String, Integer> firstStale = new HashMap<>();
        Map<Integer, List<String>> staleFrom = new TreeMap<>();
        for (String domain : domains) {
            Map<Integer, Day> h = cache.get(domain);
            held.put(domain, h == null ? Map.of() : h);
            int first = firstStale(held.get(domain), revisions.getOrDefault(domain, Map.of()), lowDay, endDay);
            firstStale.put(domain, first);
            if (first < endDay) staleFrom.computeIfAbsent(first, x -> new ArrayList<>()).add(domain);
        }
        Map<String, List<PolicyData.Cell>> read = new HashMap<>();
        for (Map.Entry<Integer, List<String>> e : staleFrom.entrySet()) read.putAll(readCells(c, e.getValue(), e.getKey(), e.getKey(), endDay));

        Map<String, List<PolicyData.Cell>> out = new HashMap<>();
        for (String domain : domains) {
            TreeMap<Integer, Day> days = merged(held.get(domain), read.getOrDefault(domain, List.of()), revisions.getOrDefault(domain, Map.of()),
                    lowDay, firstStale.get(domain));
            cache.put(domain, days);
            List<PolicyData.Cell> cells = window(days, fromDay);
            if (!cells.isEmpty()) out.put(domain, cells);
        }
        return out;
    }

    /** The first day of [{@code lowDay}, {@code endDay}) not held as it is now; {@code endDay} when none. */
    private static int firstStale(Map<Integer, Day> held, Map<Integer, Long> now, int lowDay, int endDay) {
        int first = endDay;
        for (Map.Entry<Integer, Long> e : now.entrySet()) {
            Day d = held.get(e.getKey());
            if (d == null || d.revision() != e.getValue()) first = Math.min(first, e.getKey());
        }
        for (Map.Entry<Integer, Day> e : held.entrySet()) {
            int day = e.getKey();
            if (e.getValue().revision() == PolicyCellsCache.UNKNOWN && day >= lowDay && day < endDay) first = Math.min(first, day);
        }
        return first;
    }

    /**
     * The days to hold: those held before {@code firstStale} (from {@code lowDay}), and from it those
     * read, each with its revision now; a day with a revision and no cells (a spelling merged away) is
     * held as empty.
     */
    private static TreeMap<Integer, Day> merged(Map<Integer, Day> held, List<PolicyData.Cell> read, Map<Integer, Long> now, int lowDay,
            int firstStale) {
        TreeMap<Integer, Day> days = new TreeMap<>();
        held.forEach((day, d) -> {
            if (day >= lowDay && day < firstStale) days.put(day, d);
        });
        Map<Integer, List<PolicyData.Cell>> byDay = new HashMap<>();
        for (PolicyData.Cell cell : read) byDay.computeIfAbsent(cell.day(), x -> new ArrayList<>()).add(cell);
        byDay.forEach((day, cells) -> days.put(day, new Day(now.getOrDefault(day, PolicyCellsCache.UNKNOWN), List.copyOf(cells))));
        now.forEach((day, revision) -> days.putIfAbsent(day, new Day(revision, List.of())));
        return days;
    }

    /** The cells of the days in order, before {@code fromDay} the report cells alone. */
    private static List<PolicyData.Cell> window(TreeMap<Integer, Day> days, int fromDay) {
        List<PolicyData.Cell> cells = new ArrayList<>();
        for (Map.Entry<Integer, Day> e : days.entrySet()) {
            if (e.getKey() >= fromDay) {
                cells.addAll(e.getValue().cells());
            } else {
                for (PolicyData.Cell cell : e.getValue().cells()) if (cell.kind().equals("R")) cells.add(cell);
            }
        }
        return cells;
    }

    /** Per domain of {@code domains}, the revision of each day of [{@code fromDay}, {@code endDay}) that has one. */
    private static Map<String, Map<Integer, Long>> revisions(Connection c, List<String> domains, int fromDay, int endDay) throws SQLException {
        Map<String, Map<Integer, Long>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ReadinessSql.revisions(Dialect.of(c), InList.slots(domains.size())))) {
            int i = InList.bind(ps, 1, domains);
            ps.setInt(++i, fromDay);
            ps.setInt(++i, endDay);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Integer, Long> days = new HashMap<>();
                    out.put(rs.getString(1), days);
                    CellsJson.eachRevision(rs.getString(2), days::put);
                }
            }
        }
        return out;
    }
}
