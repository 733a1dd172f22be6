package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * Writes inputs and their reports. One call is one transaction, whatever the number of inputs:
 * the raw archive, the reports with everything in them, sightings of duplicates, reports held for
 * review, quarantine rows and the rollup cells commit together or not at all.
 *
 * <p>Deduplication is the database's job, not a read-then-write here: the dedup key is UNIQUE and
 * every insert is {@code ON CONFLICT DO NOTHING}, so concurrent writers (threads or processes on
 * one PostgreSQL) store a report exactly once. What the loser of the race is (a sighting of the
 * same content, a report held for review, or a verified report that displaces an unverified one)
 * is decided by {@link KnownArrivals}. Raw inputs are archived once per distinct bytes, found
 * through their reports ({@link RawArchive}).
 */
public final class ReportStore {
    private final Database db;
    private final Clock clock;

    public ReportStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Writes in the transaction open on {@code c}. Arrivals of known reports become sightings. With
     * {@code recordSightings} false a known report with the same content is left as it is
     * (re-parsing an archived input is not a new arrival).
     */
    public List<StoreResult> write(Connection c, List<StoreRequest> requests, boolean recordSightings)
            throws SQLException {
        if (requests.isEmpty()) return List.of();
        long now = clock.millis();
        IdAllocator.Ids ids = db.ids().reserve(c, idsNeeded(requests));
        long[] rawIds = new long[requests.size()];
        for (int i = 0; i < rawIds.length; i++) {
            Long archived = requests.get(i).raw().archivedId();
            rawIds[i] = archived != null ? archived : ids.next();
        }
        // Reports first: whether they are new tells whether the input can be a copy of an archived one.
        ReportRows rows = insertReports(c, requests, rawIds, ids, now);
        RawArchive.archive(c, requests, rawIds, rows);
        writeQuarantines(c, requests, rawIds, now);
        List<List<StoreResult.Fate>> fates = writeContents(c, requests, rawIds, rows, ids, now, recordSightings);
        List<StoreResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) results.add(new StoreResult(rawIds[i], fates.get(i)));
        return results;
    }

    /** What {@link #refresh} did with one re-parsed report. */
    public enum Refresh {
        /** Its policies, failure details and warnings were replaced by the re-parse, the rollups corrected. */
        UPDATED,
        UNCHANGED,
        /**
         * Left as it is: retention deleted its failure details, so the re-parse would bring back
         * expired rows, and what the rollups hold for them can no longer be compared.
         */
        KEPT_DETAILS_EXPIRED,
        /**
         * Not compared: it was stored from another input (this one is a later copy, whose content
         * may differ a little) or from an earlier report of this batch. Only the input a report
         * was stored from rewrites it, so that two differing copies cannot overwrite each other
         * on every run.
         */
        NOT_ITS_INPUT
    }

    /** A report of archived input {@code rawInputId} (which came as {@code provenance}), parsed again. */
    public record Reparsed(long rawInputId, Provenance provenance, ParsedReport parsed) {}

    /**
     * Brings stored reports in line with a re-parse of the inputs they were stored from (reprocess
     * after a parser upgrade), in the transaction open on {@code c}. A report that differs keeps
     * its id, its sightings and its provenance; its policies, failure details and warnings are
     * replaced, and the old contribution to the rollups is taken out and the new one put in.
     */
    public List<Refresh> refresh(Connection c, List<Reparsed> reparsed) throws SQLException {
        List<Refresh> out = new ArrayList<>(reparsed.size());
        List<ReportContents.Replacement> replace = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int idsNeeded = 0;
        for (Reparsed r : reparsed) {
            Report fresh = r.parsed().report();
            String key = ReporterIdentity.of(fresh, r.provenance()).key();
            StoredReport stored = StoredReport.read(c, fresh, key);
            if (stored == null || stored.rawInputId() != r.rawInputId() || !seen.add(stored.id())) {
                out.add(Refresh.NOT_ITS_INPUT);
            } else if (stored.rows().equals(StoredReport.rowsOf(r.parsed()))) {
                out.add(Refresh.UNCHANGED);
            } else if (!stored.hasDetails() && fresh.policies().stream().anyMatch(p -> !p.failureDetails().isEmpty())) {
                out.add(Refresh.KEPT_DETAILS_EXPIRED);
            } else {
                out.add(Refresh.UPDATED);
                replace.add(new ReportContents.Replacement(stored, r.parsed(), ContentHash.of(fresh), stored.dkimVerified(),
                        stored.rawInputId(), key));
                idsNeeded += ReportContents.idsFor(r.parsed());
            }
        }
        if (!replace.isEmpty()) ReportContents.replace(c, db.ids().reserve(c, idsNeeded), replace);
        return out;
    }

    private static int idsNeeded(List<StoreRequest> requests) {
        int n = requests.size();
        for (StoreRequest r : requests) {
            for (ParsedReport pr : r.reports()) n += 2 + ReportContents.idsFor(pr); // report, maybe a sighting
        }
        return n;
    }

    private static void writeQuarantines(Connection c, List<StoreRequest> requests, long[] rawIds, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StoreSql.INSERT_QUARANTINE)) {
            boolean any = false;
            for (int i = 0; i < requests.size(); i++) {
                Quarantine q = requests.get(i).quarantine();
                if (q == null) continue;
                ps.setLong(1, rawIds[i]);
                ps.setString(2, q.kind());
                ps.setString(3, q.reason());
                ps.setString(4, q.message());
                ps.setLong(5, now);
                ps.setObject(6, q.expiresAt() == null ? null : q.expiresAt().toEpochMilli(), java.sql.Types.BIGINT);
                ps.addBatch();
                any = true;
            }
            if (any) ps.executeBatch();
        }
    }

    private static ReportRows insertReports(Connection c, List<StoreRequest> requests, long[] rawIds,
            IdAllocator.Ids ids, long now) throws SQLException {
        List<Report> reports = new ArrayList<>();
        List<ParsedReport> parsed = new ArrayList<>();
        List<Integer> requestOf = new ArrayList<>();
        int[] first = new int[requests.size()];
        int[] count = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            first[i] = reports.size();
            count[i] = requests.get(i).reports().size();
            for (ParsedReport pr : requests.get(i).reports()) {
                reports.add(pr.report());
                parsed.add(pr);
                requestOf.add(i);
            }
        }
        int n = reports.size();
        long[] reportIds = new long[n];
        ReporterIdentity[] identities = new ReporterIdentity[n]; // computed once: they are not free
        String[] reporterKeys = new String[n];
        byte[][] hashes = new byte[n][];
        for (int k = 0; k < n; k++) {
            reportIds[k] = ids.next();
            identities[k] = ReporterIdentity.of(reports.get(k), requests.get(requestOf.get(k)).raw().provenance());
            reporterKeys[k] = identities[k].key();
            hashes[k] = ContentHash.of(reports.get(k));
        }
        Set<Long> inserted = MultiRowInsert.insert(c, StoreSql.INSERT_REPORT, 13, n, (ps, p, k) -> {
            Report r = reports.get(k);
            ps.setLong(p, reportIds[k]);
            ps.setString(p + 1, reporterKeys[k]);
            ps.setString(p + 2, r.reportId());
            ps.setLong(p + 3, r.dateRange().start().toEpochMilli());
            ps.setLong(p + 4, r.dateRange().end().toEpochMilli());
            ps.setString(p + 5, r.organizationName());
            ps.setString(p + 6, r.contactInfo());
            ps.setLong(p + 7, rawIds[requestOf.get(k)]);
            ps.setLong(p + 8, now);
            ps.setLong(p + 9, r.totalSuccessfulSessions());
            ps.setLong(p + 10, r.totalFailureSessions());
            ps.setBytes(p + 11, hashes[k]);
            ps.setBoolean(p + 12, identities[k].verified());
        });
        return new ReportRows(reports, parsed, requestOf, reportIds, identities, reporterKeys, hashes, inserted, first, count);
    }

    private static List<List<StoreResult.Fate>> writeContents(Connection c, List<StoreRequest> requests, long[] rawIds,
            ReportRows rows, IdAllocator.Ids ids, long now, boolean recordSightings) throws SQLException {
        List<List<StoreResult.Fate>> fates = new ArrayList<>();
        for (StoreRequest ignored : requests) fates.add(new ArrayList<>());
        Rollups rollups = new Rollups();
        PolicyRollups policyRollups = new PolicyRollups();
        try (PreparedStatement policy = c.prepareStatement(StoreSql.INSERT_POLICY);
                PreparedStatement detail = c.prepareStatement(StoreSql.INSERT_FAILURE_DETAIL);
                PreparedStatement warning = c.prepareStatement(StoreSql.INSERT_WARNING);
                KnownArrivals known = new KnownArrivals(c, now)) {
            ReportContents.Batch batch = new ReportContents.Batch();
            for (int k = 0; k < rows.reports().size(); k++) {
                int req = rows.requestOf().get(k);
                if (rows.inserted().contains(rows.reportIds()[k])) {
                    fates.get(req).add(StoreResult.Fate.STORED);
                    ReportContents.add(batch, policy, detail, warning, ids, rows.reportIds()[k], rows.parsed().get(k));
                    rollups.add(rows.reports().get(k), rows.reporterKeys()[k], now);
                    policyRollups.add(rows.reports().get(k), rows.reporterKeys()[k]);
                } else {
                    fates.get(req).add(known.arrive(rows, k, rawIds[req], requests.get(req).raw().provenance(), ids,
                            recordSightings));
                }
            }
            ReportContents.execute(batch, policy, detail, warning);
            rollups.upsert(c);
            policyRollups.upsert(c);
            known.finish(ids);
        }
        return fates;
    }

    static long singleLong(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("expected a row for " + ps);
            return rs.getLong(1);
        }
    }
}
