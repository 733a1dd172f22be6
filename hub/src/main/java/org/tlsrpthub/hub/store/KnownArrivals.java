package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Report;

/**
 * What a write does with a report whose dedup key is stored already (issue 9 §2: a duplicate is
 * really a duplicate). The same content is a sighting. Other content is never dropped: a
 * DKIM-verified arrival displaces an unverified stored report (its rows and rollups are replaced,
 * the displaced input goes to review); otherwise the arrival goes to review. Review is a
 * {@code report_contender} row, shown on the report's page, and a quarantine row of kind
 * {@link Quarantine#CONFLICT}.
 *
 * <p>One instance per write, inside its transaction; {@link #finish} runs the batches and the
 * displacements, after the new reports' rows are written (a displaced report may be one of them).
 */
final class KnownArrivals implements AutoCloseable {
    private record Stored(long id, byte[] contentHash, boolean dkimVerified, long rawInputId) {}

    private record Displacement(long reportId, ParsedReport fresh, ReporterIdentity identity, byte[] contentHash,
            long rawInputId) {}

    private final Connection c;
    private final long now;
    private final PreparedStatement find;
    private final PreparedStatement sighting;
    private final PreparedStatement contender;
    private final PreparedStatement quarantine;
    private boolean sightings, held;
    private final List<Displacement> displacements = new ArrayList<>();

    KnownArrivals(Connection c, long now) throws SQLException {
        this.c = c;
        this.now = now;
        this.find = c.prepareStatement(StoreSql.REPORT_BY_KEY);
        this.sighting = c.prepareStatement(StoreSql.INSERT_SIGHTING);
        this.contender = c.prepareStatement(StoreSql.INSERT_CONTENDER);
        this.quarantine = c.prepareStatement(StoreSql.QUARANTINE_IF_ARCHIVED);
    }

    /**
     * Decides on report {@code k} of {@code rows}, which arrived in archived input {@code rawInputId}.
     * With {@code recordSightings} false (re-reading an archived input) the same content records nothing.
     */
    StoreResult.Fate arrive(ReportRows rows, int k, long rawInputId, Provenance provenance, IdAllocator.Ids ids,
            boolean recordSightings) throws SQLException {
        Report r = rows.reports().get(k);
        ReporterIdentity identity = rows.identities()[k];
        byte[] hash = rows.contentHashes()[k];
        Stored stored = find(identity.key(), r);
        // No hash yet: stored by a release before V30 and not back-filled (another process): as before, a copy.
        // The input the report was stored from, or one already counted as a copy of it, read again (a
        // reprocess after a parser change, or a byte-identical retry of a copy recorded before V30):
        // still that report; re-parsing is ReportStore.refresh's business, not a conflict.
        if (stored.contentHash() == null || Arrays.equals(stored.contentHash(), hash)
                || stored.rawInputId() == rawInputId || isSighting(stored.id(), rawInputId)) {
            if (recordSightings) addSighting(stored.id(), rawInputId, provenance, ids);
            return StoreResult.Fate.DUPLICATE;
        }
        if (identity.verified() && !stored.dkimVerified()) {
            displacements.add(new Displacement(stored.id(), rows.parsed().get(k), identity, hash, rawInputId));
            return StoreResult.Fate.STORED;
        }
        hold(stored.id(), rawInputId, false, Quarantine.HELD_REASON, "report-id " + r.reportId() + " of " + identity.key()
                + ": stored report " + stored.id() + " says otherwise; this copy waits for review (the stored one counts)");
        return StoreResult.Fate.HELD;
    }

    /** Runs what {@link #arrive} queued, then the displacements (in the caller's transaction). */
    void finish(IdAllocator.Ids ids) throws SQLException {
        if (sightings) sighting.executeBatch();
        if (held) {
            contender.executeBatch();
            quarantine.executeBatch();
            held = false;
        }
        if (displacements.isEmpty()) return;
        List<ReportContents.Replacement> replacements = new ArrayList<>();
        for (Displacement d : displacements) {
            StoredReport old = StoredReport.read(c, d.reportId());
            replacements.add(new ReportContents.Replacement(old, d.fresh(), d.contentHash(), true, d.rawInputId(),
                    d.identity().key()));
        }
        ReportContents.replace(c, ids, replacements);
        try (PreparedStatement toContenders = c.prepareStatement(StoreSql.SIGHTINGS_TO_CONTENDERS);
                PreparedStatement deleteSightings = c.prepareStatement(StoreSql.DELETE_SIGHTINGS)) {
            for (ReportContents.Replacement rep : replacements) {
                toContenders.setLong(1, rep.old().id());
                toContenders.executeUpdate();
                deleteSightings.setLong(1, rep.old().id());
                deleteSightings.executeUpdate();
                hold(rep.old().id(), rep.old().rawInputId(), true, Quarantine.DISPLACED_REASON, "report-id "
                        + rep.old().report().reportId() + " of " + rep.reporterKey() + ": report " + rep.old().id()
                        + " now counts the DKIM-verified content of input " + rep.rawInputId() + " instead of this one");
            }
        }
        contender.executeBatch();
        quarantine.executeBatch();
    }

    private Stored find(String reporterKey, Report r) throws SQLException {
        find.setString(1, reporterKey);
        find.setString(2, r.reportId());
        find.setLong(3, r.dateRange().start().toEpochMilli());
        find.setLong(4, r.dateRange().end().toEpochMilli());
        try (ResultSet rs = find.executeQuery()) {
            if (!rs.next()) throw new SQLException("no stored report " + r.reportId() + " of " + reporterKey + " although its insert conflicted");
            return new Stored(rs.getLong(1), rs.getBytes(2), rs.getBoolean(3), rs.getLong(4));
        }
    }

    private boolean isSighting(long reportId, long rawInputId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StoreSql.IS_SIGHTING)) {
            ps.setLong(1, reportId);
            ps.setLong(2, rawInputId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void addSighting(long reportId, long rawInputId, Provenance p, IdAllocator.Ids ids) throws SQLException {
        sighting.setLong(1, ids.next());
        sighting.setLong(2, reportId);
        sighting.setLong(3, rawInputId);
        sighting.setString(4, p.channel().id());
        sighting.setLong(5, p.receivedAt().toEpochMilli());
        sighting.setString(6, p.origin());
        sighting.setString(7, p.messageId());
        sighting.addBatch();
        sightings = true;
    }

    private void hold(long reportId, long rawInputId, boolean displaced, String reason, String message) throws SQLException {
        contender.setLong(1, reportId);
        contender.setLong(2, rawInputId);
        contender.setBoolean(3, displaced);
        contender.addBatch();
        quarantine.setString(1, Quarantine.CONFLICT);
        quarantine.setString(2, reason);
        quarantine.setString(3, message);
        quarantine.setLong(4, now);
        quarantine.setLong(5, rawInputId);
        quarantine.addBatch();
        held = true;
    }

    @Override
    public void close() throws SQLException {
        try (find; sighting; contender; quarantine) {
            // closes all four
        }
    }
}
