package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.Warning;

/**
 * Writes inputs and their reports. One call is one transaction, whatever the number of inputs:
 * the raw archive, the reports with everything in them, sightings of duplicates, quarantine rows
 * and the rollup cells commit together or not at all.
 *
 * <p>Deduplication is the database's job, not a read-then-write here: the dedup key is UNIQUE and
 * every insert is {@code ON CONFLICT DO NOTHING}, so concurrent writers (threads or processes on
 * one PostgreSQL) store a report exactly once; whoever loses the race records a sighting. Raw
 * inputs are archived once per distinct bytes, found through their reports ({@link #archive}).
 */
public final class ReportStore {
    private final Database db;
    private final Clock clock;

    public ReportStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Writes every request in one transaction. Arrivals of known reports become sightings. */
    public List<StoreResult> write(List<StoreRequest> requests) throws SQLException {
        return db.inTransaction(c -> write(c, requests, true));
    }

    /**
     * Writes in the transaction open on {@code c}. With {@code recordSightings} false a known
     * report is left as it is (re-parsing an archived input is not a new arrival).
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
        archive(c, requests, rawIds, rows);
        writeQuarantines(c, requests, rawIds, now);
        List<List<Boolean>> stored = writeContents(c, requests, rawIds, rows, ids, now, recordSightings);
        List<StoreResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) results.add(new StoreResult(rawIds[i], stored.get(i)));
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

    /** A report of archived input {@code rawInputId}, parsed again. */
    public record Reparsed(long rawInputId, ParsedReport parsed) {}

    /**
     * Brings stored reports in line with a re-parse of the inputs they were stored from (reprocess
     * after a parser upgrade), in the transaction open on {@code c}. A report that differs keeps
     * its id, its sightings and its provenance; its policies, failure details and warnings are
     * replaced, and the old contribution to the rollups is taken out and the new one put in.
     */
    public List<Refresh> refresh(Connection c, List<Reparsed> reparsed) throws SQLException {
        List<Refresh> out = new ArrayList<>(reparsed.size());
        List<ParsedReport> replace = new ArrayList<>();
        List<StoredReport> stale = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Reparsed r : reparsed) {
            Report fresh = r.parsed().report();
            StoredReport stored = StoredReport.read(c, fresh, fresh.reporterKey());
            if (stored == null || stored.rawInputId() != r.rawInputId() || !seen.add(stored.id())) {
                out.add(Refresh.NOT_ITS_INPUT);
            } else if (stored.rows().equals(StoredReport.rowsOf(r.parsed()))) {
                out.add(Refresh.UNCHANGED);
            } else if (!stored.hasDetails() && fresh.policies().stream().anyMatch(p -> !p.failureDetails().isEmpty())) {
                out.add(Refresh.KEPT_DETAILS_EXPIRED);
            } else {
                out.add(Refresh.UPDATED);
                replace.add(r.parsed());
                stale.add(stored);
            }
        }
        if (!replace.isEmpty()) replace(c, replace, stale);
        return out;
    }

    private void replace(Connection c, List<ParsedReport> fresh, List<StoredReport> stale) throws SQLException {
        int needed = 0;
        for (ParsedReport pr : fresh) {
            needed += pr.warnings().size();
            for (PolicyResult p : pr.report().policies()) needed += 1 + p.failureDetails().size();
        }
        IdAllocator.Ids ids = db.ids().reserve(c, needed);
        try (PreparedStatement deleteDetails = c.prepareStatement(StoreSql.DELETE_FAILURE_DETAILS);
                PreparedStatement deletePolicies = c.prepareStatement(StoreSql.DELETE_POLICIES);
                PreparedStatement deleteWarnings = c.prepareStatement(StoreSql.DELETE_WARNINGS)) {
            for (StoredReport s : stale) {
                for (PreparedStatement ps : List.of(deleteDetails, deletePolicies, deleteWarnings)) {
                    ps.setLong(1, s.id());
                    ps.addBatch();
                }
            }
            deleteDetails.executeBatch(); // before the policies: SQLite may run without foreign keys (no cascade)
            deletePolicies.executeBatch();
            deleteWarnings.executeBatch();
        }
        Rollups rollups = new Rollups();
        DashboardRollups dashboard = new DashboardRollups();
        try (PreparedStatement policy = c.prepareStatement(StoreSql.INSERT_POLICY);
                PreparedStatement detail = c.prepareStatement(StoreSql.INSERT_FAILURE_DETAIL);
                PreparedStatement warning = c.prepareStatement(StoreSql.INSERT_WARNING);
                PreparedStatement report = c.prepareStatement(StoreSql.UPDATE_REPORT)) {
            Batch batch = new Batch();
            for (int i = 0; i < fresh.size(); i++) {
                Report r = fresh.get(i).report();
                StoredReport old = stale.get(i);
                addContents(batch, policy, detail, warning, ids, old.id(), fresh.get(i));
                report.setString(1, r.organizationName());
                report.setString(2, r.contactInfo());
                report.setLong(3, r.totalSuccessfulSessions());
                report.setLong(4, r.totalFailureSessions());
                report.setLong(5, old.id());
                report.addBatch();
                rollups.replace(old.report(), r, r.reporterKey());
                dashboard.replace(old.report(), r, old.storedAt());
            }
            if (batch.policies) policy.executeBatch();
            if (batch.details) detail.executeBatch();
            if (batch.warnings) warning.executeBatch();
            report.executeBatch();
        }
        upsertRollups(c, rollups);
        deleteEmptyRollups(c, rollups);
        dashboard.upsert(c);
        dashboard.deleteEmpty(c);
    }

    /** Cells a replacement emptied: ingest never writes an empty cell, so neither may a replacement leave one. */
    private static void deleteEmptyRollups(Connection c, Rollups rollups) throws SQLException {
        if (rollups.cells().isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(StoreSql.DELETE_ROLLUP_IF_EMPTY)) {
            for (RollupKey k : rollups.cells().keySet()) {
                ps.setString(1, k.policyDomain());
                ps.setInt(2, k.day());
                ps.setString(3, k.reporterKey());
                ps.setString(4, k.kind());
                ps.setString(5, k.resultType());
                ps.setString(6, k.receivingMx());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Adds reports to the rollups only, without storing the reports: for the dashboard benchmark,
     * which needs a year of a thousand domains' rollups in seconds rather than the raw rows.
     */
    public void writeRollupsOnly(List<Report> reports) throws SQLException {
        long now = clock.millis();
        Rollups rollups = new Rollups();
        DashboardRollups dashboard = new DashboardRollups();
        for (Report r : reports) {
            rollups.add(r, r.reporterKey());
            dashboard.add(r, now);
        }
        db.inTransaction(c -> {
            upsertRollups(c, rollups);
            dashboard.upsert(c);
            return null;
        });
    }

    private static int idsNeeded(List<StoreRequest> requests) {
        int n = requests.size();
        for (StoreRequest r : requests) {
            for (ParsedReport pr : r.reports()) {
                n += 2 + pr.warnings().size(); // report, maybe a sighting
                for (PolicyResult p : pr.report().policies()) n += 1 + p.failureDetails().size();
            }
        }
        return n;
    }

    /**
     * Archives each new input, or points it at the archived copy of the same bytes. A copy can only
     * exist when every report in the input is already known (otherwise those reports would be known
     * from the copy), so only such inputs look for one, among the inputs their first report arrived
     * in; quarantined inputs (no report to look through) are unique by sha256 in the database.
     * Reports already inserted with an input's provisional id are re-pointed when it turns out to be
     * a copy.
     */
    private static void archive(Connection c, List<StoreRequest> requests, long[] rawIds, ReportRows rows)
            throws SQLException {
        long[] provisional = rawIds.clone(); // what the reports were inserted with
        List<Integer> toInsert = new ArrayList<>();
        boolean[] archiving = new boolean[requests.size()];
        int[] sameAs = new int[requests.size()]; // an earlier request of this batch with the same bytes, else -1
        Map<String, Integer> thisBatch = new HashMap<>();
        List<Integer> candidates = new ArrayList<>();
        try (PreparedStatement known = c.prepareStatement(StoreSql.RAW_ID_OF_KNOWN_REPORT_BY_SHA)) {
            for (int i = 0; i < requests.size(); i++) {
                sameAs[i] = -1;
                RawInput raw = requests.get(i).raw();
                if (raw.archivedId() != null) continue;
                Integer earlier = thisBatch.putIfAbsent(raw.sha256(), i);
                if (earlier != null) {
                    sameAs[i] = earlier;
                    continue;
                }
                Long copy = rows.allKnown(i) ? archivedCopy(known, rows.firstReport(i), raw) : null;
                if (copy != null) {
                    rawIds[i] = copy;
                } else {
                    candidates.add(i);
                }
            }
        }
        // Also held in quarantine, e.g. for a domain served only since: one read of a small index per
        // chunk of inputs (a round trip each on PostgreSQL), no write.
        Map<String, Long> inQuarantine = quarantinedCopies(c, requests, candidates);
        for (int i : candidates) {
            Long copy = inQuarantine.get(requests.get(i).raw().sha256());
            if (copy != null) {
                rawIds[i] = copy;
            } else {
                toInsert.add(i);
                archiving[i] = true;
            }
        }
        Set<Long> inserted = toInsert.isEmpty() ? Set.of()
                : MultiRowInsert.insert(c, StoreSql.INSERT_RAW, 10, toInsert.size(), (ps, p, k) -> {
                    int i = toInsert.get(k);
                    StoreRequest r = requests.get(i);
                    RawInput raw = r.raw();
                    Provenance prov = raw.provenance();
                    ps.setLong(p, rawIds[i]);
                    ps.setBytes(p + 1, raw.sha256Bytes());
                    ps.setLong(p + 2, raw.bytes().length);
                    ps.setBytes(p + 3, raw.gzip());
                    ps.setString(p + 4, r.reports().isEmpty() ? RawStatus.QUARANTINED : RawStatus.PARSED);
                    ps.setString(p + 5, prov.channel().id());
                    ps.setLong(p + 6, prov.receivedAt().toEpochMilli());
                    ps.setString(p + 7, prov.origin());
                    ps.setString(p + 8, prov.messageId());
                    ps.setString(p + 9, prov.dkimResult());
                });
        try (PreparedStatement bySha = c.prepareStatement(StoreSql.QUARANTINED_RAW_ID_BY_SHA);
                PreparedStatement repoint = c.prepareStatement(StoreSql.REPOINT_REPORTS)) {
            for (int i = 0; i < requests.size(); i++) {
                if (sameAs[i] >= 0) {
                    rawIds[i] = rawIds[sameAs[i]];
                } else if (archiving[i] && !inserted.contains(provisional[i])) {
                    // Another writer quarantined the same bytes meanwhile: use that row.
                    bySha.setBytes(1, requests.get(i).raw().sha256Bytes());
                    rawIds[i] = singleLong(bySha);
                }
                if (rawIds[i] != provisional[i] && rows.anyNew(i)) {
                    repoint.setLong(1, rawIds[i]);
                    repoint.setLong(2, provisional[i]);
                    repoint.executeUpdate();
                }
            }
        }
    }

    private static Map<String, Long> quarantinedCopies(Connection c, List<StoreRequest> requests, List<Integer> candidates)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        for (int start = 0; start < candidates.size(); start += MultiRowInsert.CHUNK) {
            int n = Math.min(MultiRowInsert.CHUNK, candidates.size() - start);
            try (PreparedStatement ps = c.prepareStatement(StoreSql.quarantinedRawIdsBySha(n))) {
                for (int k = 0; k < n; k++) ps.setBytes(k + 1, requests.get(candidates.get(start + k)).raw().sha256Bytes());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.put(java.util.HexFormat.of().formatHex(rs.getBytes(2)), rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static Long archivedCopy(PreparedStatement known, Report first, RawInput raw) throws SQLException {
        byte[] sha = raw.sha256Bytes();
        for (int half = 0; half < 2; half++) {
            int p = half * 5;
            known.setString(p + 1, first.reporterKey());
            known.setString(p + 2, first.reportId());
            known.setLong(p + 3, first.dateRange().start().toEpochMilli());
            known.setLong(p + 4, first.dateRange().end().toEpochMilli());
            known.setBytes(p + 5, sha);
        }
        try (ResultSet rs = known.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
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
                ps.addBatch();
                any = true;
            }
            if (any) ps.executeBatch();
        }
    }

    /** The reports of a write, flattened, with their ids and whether each was new. */
    private record ReportRows(List<Report> reports, List<ParsedReport> parsed, List<Integer> requestOf,
            long[] reportIds, String[] reporterKeys, Set<Long> inserted, int[] firstOfRequest, int[] countOfRequest) {

        /** True when request {@code i} has reports and none of them was new. */
        boolean allKnown(int i) {
            if (countOfRequest[i] == 0) return false;
            for (int k = firstOfRequest[i]; k < firstOfRequest[i] + countOfRequest[i]; k++) {
                if (inserted.contains(reportIds[k])) return false;
            }
            return true;
        }

        boolean anyNew(int i) {
            return countOfRequest[i] > 0 && !allKnown(i);
        }

        Report firstReport(int i) {
            return reports.get(firstOfRequest[i]);
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
        long[] reportIds = new long[reports.size()];
        String[] reporterKeys = new String[reports.size()]; // computed once: reporterKey() is not free
        for (int k = 0; k < reportIds.length; k++) {
            reportIds[k] = ids.next();
            reporterKeys[k] = reports.get(k).reporterKey();
        }
        Set<Long> inserted = MultiRowInsert.insert(c, StoreSql.INSERT_REPORT, 11, reports.size(), (ps, p, k) -> {
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
        });
        return new ReportRows(reports, parsed, requestOf, reportIds, reporterKeys, inserted, first, count);
    }

    private List<List<Boolean>> writeContents(Connection c, List<StoreRequest> requests, long[] rawIds,
            ReportRows rows, IdAllocator.Ids ids, long now, boolean recordSightings) throws SQLException {
        List<Report> reports = rows.reports();
        List<ParsedReport> parsed = rows.parsed();
        List<Integer> requestOf = rows.requestOf();
        long[] reportIds = rows.reportIds();
        String[] reporterKeys = rows.reporterKeys();
        Set<Long> inserted = rows.inserted();

        List<List<Boolean>> stored = new ArrayList<>();
        for (StoreRequest ignored : requests) stored.add(new ArrayList<>());
        Rollups rollups = new Rollups();
        DashboardRollups dashboard = new DashboardRollups();
        try (PreparedStatement policy = c.prepareStatement(StoreSql.INSERT_POLICY);
                PreparedStatement detail = c.prepareStatement(StoreSql.INSERT_FAILURE_DETAIL);
                PreparedStatement warning = c.prepareStatement(StoreSql.INSERT_WARNING);
                PreparedStatement findExisting = c.prepareStatement(StoreSql.REPORT_ID_BY_KEY);
                PreparedStatement sighting = c.prepareStatement(StoreSql.INSERT_SIGHTING)) {
            Batch batch = new Batch();
            for (int k = 0; k < reports.size(); k++) {
                int req = requestOf.get(k);
                boolean isNew = inserted.contains(reportIds[k]);
                stored.get(req).add(isNew);
                if (isNew) {
                    addContents(batch, policy, detail, warning, ids, reportIds[k], parsed.get(k));
                    rollups.add(reports.get(k), reporterKeys[k]);
                    dashboard.add(reports.get(k), now);
                } else if (recordSightings) {
                    Report r = reports.get(k);
                    findExisting.setString(1, reporterKeys[k]);
                    findExisting.setString(2, r.reportId());
                    findExisting.setLong(3, r.dateRange().start().toEpochMilli());
                    findExisting.setLong(4, r.dateRange().end().toEpochMilli());
                    Provenance p = requests.get(req).raw().provenance();
                    sighting.setLong(1, ids.next());
                    sighting.setLong(2, singleLong(findExisting));
                    sighting.setLong(3, rawIds[req]);
                    sighting.setString(4, p.channel().id());
                    sighting.setLong(5, p.receivedAt().toEpochMilli());
                    sighting.setString(6, p.origin());
                    sighting.setString(7, p.messageId());
                    sighting.addBatch();
                    batch.sightings = true;
                }
            }
            if (batch.policies) policy.executeBatch();
            if (batch.details) detail.executeBatch();
            if (batch.warnings) warning.executeBatch();
            if (batch.sightings) sighting.executeBatch();
        }
        upsertRollups(c, rollups);
        dashboard.upsert(c);
        return stored;
    }

    /** Which statements got rows, so that empty batches are not sent. */
    private static final class Batch {
        boolean policies, details, warnings, sightings;
    }

    private static void addContents(Batch batch, PreparedStatement policy, PreparedStatement detail,
            PreparedStatement warning, IdAllocator.Ids ids, long reportId, ParsedReport pr) throws SQLException {
        int position = 0;
        for (PolicyResult p : pr.report().policies()) {
            long policyId = ids.next();
            policy.setLong(1, policyId);
            policy.setLong(2, reportId);
            policy.setInt(3, position++);
            policy.setString(4, p.policy().type().value());
            policy.setString(5, p.policy().domain());
            policy.setString(6, String.join("\n", p.policy().policyStrings()));
            policy.setString(7, String.join("\n", p.policy().mxHosts()));
            policy.setLong(8, p.summary().totalSuccessfulSessionCount());
            policy.setLong(9, p.summary().totalFailureSessionCount());
            policy.addBatch();
            batch.policies = true;
            for (FailureDetail d : p.failureDetails()) {
                detail.setLong(1, ids.next());
                detail.setLong(2, policyId);
                detail.setLong(3, reportId);
                detail.setString(4, d.resultType().value());
                detail.setString(5, d.sendingMtaIp());
                detail.setString(6, d.receivingMxHostname());
                detail.setString(7, d.receivingMxHelo());
                detail.setString(8, d.receivingIp());
                detail.setLong(9, d.failedSessionCount());
                detail.setString(10, d.additionalInformation());
                detail.setString(11, d.failureReasonCode());
                detail.addBatch();
                batch.details = true;
            }
        }
        for (Warning w : pr.warnings()) {
            warning.setLong(1, ids.next());
            warning.setLong(2, reportId);
            warning.setString(3, w.code().id());
            warning.setString(4, w.where());
            warning.setString(5, w.message());
            warning.addBatch();
            batch.warnings = true;
        }
    }

    private static void upsertRollups(Connection c, Rollups rollups) throws SQLException {
        if (rollups.cells().isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(StoreSql.UPSERT_ROLLUP)) {
            for (Map.Entry<RollupKey, Long> e : rollups.cells().entrySet()) {
                RollupKey k = e.getKey();
                ps.setInt(1, k.day());
                ps.setString(2, k.policyDomain());
                ps.setString(3, k.reporterKey());
                ps.setString(4, k.kind());
                ps.setString(5, k.resultType());
                ps.setString(6, k.receivingMx());
                ps.setLong(7, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long singleLong(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("expected a row for " + ps);
            return rs.getLong(1);
        }
    }
}
