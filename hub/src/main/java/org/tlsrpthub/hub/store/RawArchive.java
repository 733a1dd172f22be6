package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tlsrpthub.core.report.Report;

/**
 * The raw-input archive's part of a write: one row per distinct input, found again through the
 * reports it holds rather than through a unique index on every sha256 (see docs/store.md).
 */
final class RawArchive {
    private RawArchive() {}

    /**
     * Archives each new input, or points it at the archived copy of the same bytes. A copy can only
     * exist when every report in the input is already known (otherwise those reports would be known
     * from the copy), so only such inputs look for one, among the inputs their first report arrived
     * in; quarantined inputs (no report to look through) are unique by sha256 in the database.
     * Reports already inserted with an input's provisional id are re-pointed when it turns out to be
     * a copy.
     */
    static void archive(Connection c, List<StoreRequest> requests, long[] rawIds, ReportRows rows)
            throws SQLException {
        long[] provisional = rawIds.clone(); // what the reports were inserted with
        List<Integer> toInsert = new ArrayList<>();
        boolean[] archiving = new boolean[requests.size()];
        int[] sameAs = new int[requests.size()]; // an earlier request of this batch with the same bytes, else -1
        Map<String, Integer> thisBatch = new HashMap<>();
        List<Integer> candidates = new ArrayList<>();
        PreparedStatement known = null; // prepared only when some input's reports are all known
        try {
            for (int i = 0; i < requests.size(); i++) {
                sameAs[i] = -1;
                RawInput raw = requests.get(i).raw();
                if (raw.archivedId() != null) continue;
                Integer earlier = thisBatch.putIfAbsent(raw.sha256(), i);
                if (earlier != null) {
                    sameAs[i] = earlier;
                    continue;
                }
                Long copy = null;
                if (rows.allKnown(i)) {
                    if (known == null) known = c.prepareStatement(StoreSql.RAW_ID_OF_KNOWN_REPORT_BY_SHA);
                    copy = archivedCopy(known, rows.firstReport(i), rows.reporterKeys()[rows.firstOfRequest()[i]], raw);
                }
                if (copy != null) {
                    rawIds[i] = copy;
                } else {
                    candidates.add(i);
                }
            }
        } finally {
            if (known != null) known.close();
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
        for (int i = 0; i < requests.size(); i++) {
            if (sameAs[i] >= 0) {
                rawIds[i] = rawIds[sameAs[i]];
            } else if (archiving[i] && !inserted.contains(provisional[i])) {
                rawIds[i] = quarantinedMeanwhile(c, requests.get(i).raw());
            }
            if (rawIds[i] != provisional[i] && rows.anyNew(i)) repoint(c, provisional[i], rawIds[i]);
        }
    }

    // Another writer quarantined the same bytes between our lookup and our insert: use that row.
    private static long quarantinedMeanwhile(Connection c, RawInput raw) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StoreSql.QUARANTINED_RAW_ID_BY_SHA)) {
            ps.setBytes(1, raw.sha256Bytes());
            return ReportStore.singleLong(ps);
        }
    }

    // Reports inserted with an input's provisional id whose bytes turned out to be archived already.
    private static void repoint(Connection c, long provisional, long archived) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StoreSql.REPOINT_REPORTS)) {
            ps.setLong(1, archived);
            ps.setLong(2, provisional);
            ps.executeUpdate();
        }
    }

    private static Map<String, Long> quarantinedCopies(Connection c, List<StoreRequest> requests, List<Integer> candidates)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        for (int start = 0, n; start < candidates.size(); start += n) {
            n = MultiRowInsert.chunk(candidates.size() - start);
            try (PreparedStatement ps = c.prepareStatement(StoreSql.quarantinedRawIdsBySha(n))) {
                for (int k = 0; k < n; k++) ps.setBytes(k + 1, requests.get(candidates.get(start + k)).raw().sha256Bytes());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.put(HexFormat.of().formatHex(rs.getBytes(2)), rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static Long archivedCopy(PreparedStatement known, Report first, String reporterKey, RawInput raw)
            throws SQLException {
        byte[] sha = raw.sha256Bytes();
        for (int part = 0; part < 3; part++) { // the report's own input, its sightings, its contenders
            int p = part * 5;
            known.setString(p + 1, reporterKey);
            known.setString(p + 2, first.reportId());
            known.setLong(p + 3, first.dateRange().start().toEpochMilli());
            known.setLong(p + 4, first.dateRange().end().toEpochMilli());
            known.setBytes(p + 5, sha);
        }
        try (ResultSet rs = known.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }
}
