package org.tlsrpthub.hub.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.tlsrpthub.hub.json.Json;

/** Reads {@link IncidentSql#COLUMNS} rows, and writes evidence as JSON. */
final class IncidentRows {
    private IncidentRows() {}

    static Incident incident(ResultSet rs) throws SQLException {
        return incident(rs, evidence(rs.getString(9)));
    }

    /** The row with the given evidence: the reconciler parses a row's stored evidence only when it resolves it. */
    static Incident incident(ResultSet rs, Map<String, Object> evidence) throws SQLException {
        double rate = rs.getDouble(10);
        Double ratePercent = rs.wasNull() ? null : rate;
        return new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Severity.of(rs.getString(6)),
                rs.getString(7), rs.getString(8), evidence, ratePercent, instant(rs, 11), instant(rs, 12), instant(rs, 13),
                instant(rs, 14), rs.getString(15), instant(rs, 16), rs.getString(17), instant(rs, 18), instant(rs, 19));
    }

    static SortedSet<String> parties(ResultSet rs) throws SQLException {
        String text = rs.getString(20);
        TreeSet<String> out = new TreeSet<>();
        if (text != null && !text.isEmpty()) out.addAll(Arrays.asList(text.split("\n")));
        return out;
    }

    static String parties(SortedSet<String> parties) {
        return String.join("\n", parties);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static String json(Map<String, Object> evidence) {
        return Json.text(evidence);
    }

    static Map<String, Object> evidence(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident evidence is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
