package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
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
        RawArchive.archive(c, requests, rawIds, rows);
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

    static long singleLong(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("expected a row for " + ps);
            return rs.getLong(1);
        }
    }
}
