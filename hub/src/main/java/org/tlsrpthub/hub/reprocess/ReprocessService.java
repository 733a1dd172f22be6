package org.tlsrpthub.hub.reprocess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;
import org.tlsrpthub.hub.store.RawInput;
import org.tlsrpthub.hub.store.ReportStore;

/**
 * Re-parses archived inputs after a parser upgrade (or after adding a served domain): quarantined
 * ones by default, every raw input with {@code all}. Reports that now parse are stored; inputs
 * that now go through leave quarantine, the others keep it with the new parser's reason. A report
 * already stored gains no sighting (re-reading is not a new arrival); when the input it was stored
 * from now parses differently, its contents and rollups are rewritten ({@link ReportStore#refresh}).
 * Each run goes to the audit log with who asked and what it did.
 */
public final class ReprocessService {
    private static final int PAGE = 500;

    private final Database db;
    private final IngestService ingest;
    private final AuditLog audit;

    public ReprocessService(Database db, IngestService ingest) {
        this.db = db;
        this.ingest = ingest;
        this.audit = new AuditLog(db, ingest.clock());
    }

    /**
     * What a run did. The last three count reports that were stored already, re-parsed from the
     * input they were stored from: rewritten, equal to the re-parse, or kept because retention
     * removed their failure details.
     */
    public record Result(long inputs, long released, long stillQuarantined, long reportsStored,
            long reportsUpdated, long reportsUnchanged, long reportsKeptDetailsExpired) {

        Result plus(long inputs, long[] counts) {
            return new Result(this.inputs + inputs, released + counts[0], stillQuarantined + counts[1],
                    reportsStored + counts[2], reportsUpdated + counts[3], reportsUnchanged + counts[4],
                    reportsKeptDetailsExpired + counts[5]);
        }
    }

    private static final Result NOTHING = new Result(0, 0, 0, 0, 0, 0, 0);

    /**
     * Re-parses page after page, each in its own transaction (a long run must not hold the write lock);
     * the audit entry follows the last page.
     */
    public Result run(boolean all, Actor by) throws SQLException {
        Result result = NOTHING;
        long after = -1;
        while (true) {
            List<Archived> page = page(all, after);
            if (page.isEmpty()) break;
            after = page.get(page.size() - 1).id;
            List<PreparedInput> prepared = new ArrayList<>(page.size());
            for (Archived a : page) prepared.add(ingest.prepare(RawInput.gunzip(a.gzip), a.provenance).archivedAs(a.id));
            long[] counts = db.inTransaction(c -> apply(c, page, prepared));
            result = result.plus(page.size(), counts);
        }
        audit.record(AuditEvent.of(by, AuditAction.REPROCESS).target(all ? "all raw inputs" : "quarantined inputs").after(result));
        return result;
    }

    /** Why {@link #reprocessOne} leaves an input alone although it is in quarantine. */
    public static final class HeldByDkim extends Exception {
        HeldByDkim(long rawInputId) {
            super("input " + rawInputId + " is held back by dkim.policy=require (RFC 8460 §3): a re-parse cannot make"
                    + " a missing or broken signature valid, so it stays in quarantine");
        }
    }

    /**
     * Re-parses one quarantined input (the dashboard's "reprocess" action). Empty when {@code rawInputId}
     * is not in quarantine. An input held back by dkim.policy=require is refused, as the batch runs
     * leave it out: whoever asks, one click must not store what the DKIM gate kept out.
     */
    public java.util.Optional<Result> reprocessOne(long rawInputId, Actor by) throws SQLException, HeldByDkim {
        List<Archived> one = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(ReprocessSql.QUARANTINED_ONE)) {
                ps.setLong(1, rawInputId);
                ps.setString(2, Quarantine.DKIM);
                return read(ps);
            }
        });
        if (one.isEmpty()) {
            if (heldByDkim(rawInputId)) throw new HeldByDkim(rawInputId);
            return java.util.Optional.empty();
        }
        List<PreparedInput> prepared = List.of(
                ingest.prepare(RawInput.gunzip(one.get(0).gzip), one.get(0).provenance).archivedAs(one.get(0).id));
        Result result = db.inTransaction(c -> {
            Result r = NOTHING.plus(1, apply(c, one, prepared));
            audit.record(c, AuditEvent.of(by, AuditAction.REPROCESS).target("input " + rawInputId).after(r));
            return r;
        });
        return java.util.Optional.of(result);
    }

    private boolean heldByDkim(long rawInputId) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(ReprocessSql.QUARANTINE_KIND)) {
                ps.setLong(1, rawInputId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && Quarantine.DKIM.equals(rs.getString(1));
                }
            }
        });
    }

    private long[] apply(Connection c, List<Archived> page, List<PreparedInput> prepared) throws SQLException {
        List<IngestOutcome> outcomes = ingest.commit(c, prepared, false);
        long released = 0, still = 0, stored = 0;
        List<ReportStore.Reparsed> known = new ArrayList<>();
        try (PreparedStatement release = c.prepareStatement(ReprocessSql.RELEASE);
                PreparedStatement parsed = c.prepareStatement(ReprocessSql.MARK_PARSED);
                PreparedStatement reason = c.prepareStatement(ReprocessSql.UPDATE_REASON)) {
            for (int i = 0; i < page.size(); i++) {
                IngestOutcome o = outcomes.get(i);
                long id = page.get(i).id;
                stored += o.reports().stream().filter(r -> r.status() == IngestStatus.STORED).count();
                for (int j = 0; j < o.reports().size(); j++) {
                    if (o.reports().get(j).status() == IngestStatus.DUPLICATE) {
                        known.add(new ReportStore.Reparsed(id, page.get(i).provenance, prepared.get(i).reports().get(j)));
                    }
                }
                boolean quarantined = o.status() == IngestStatus.QUARANTINED
                        || o.reports().stream().anyMatch(r -> r.status() == IngestStatus.QUARANTINED);
                if (!quarantined) {
                    release.setLong(1, id);
                    released += release.executeUpdate();
                    if (!o.reports().isEmpty()) {
                        parsed.setLong(1, id);
                        parsed.executeUpdate();
                    }
                } else {
                    var q = prepared.get(i).parseError();
                    if (q != null) {
                        reason.setString(1, q.kind());
                        reason.setString(2, q.reason());
                        reason.setString(3, q.message());
                        reason.setLong(4, id);
                        reason.executeUpdate();
                    }
                    still++;
                }
            }
        }
        long[] refreshed = new long[ReportStore.Refresh.values().length];
        for (ReportStore.Refresh r : ingest.store().refresh(c, known)) refreshed[r.ordinal()]++;
        return new long[] {released, still, stored, refreshed[ReportStore.Refresh.UPDATED.ordinal()],
                refreshed[ReportStore.Refresh.UNCHANGED.ordinal()], refreshed[ReportStore.Refresh.KEPT_DETAILS_EXPIRED.ordinal()]};
    }

    private record Archived(long id, byte[] gzip, Provenance provenance) {}

    private List<Archived> page(boolean all, long after) throws SQLException {
        return db.withConnection(c -> {
            List<Archived> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(all ? ReprocessSql.ALL_PAGE : ReprocessSql.QUARANTINED_PAGE)) {
                ps.setLong(1, after);
                ps.setString(2, Quarantine.DKIM);
                ps.setInt(3, PAGE);
                out.addAll(read(ps));
            }
            return out;
        });
    }

    private static List<Archived> read(PreparedStatement ps) throws SQLException {
        List<Archived> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Archived(rs.getLong(1), rs.getBytes(2), new Provenance(Channel.fromId(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6), rs.getString(7))));
            }
        }
        return out;
    }
}
