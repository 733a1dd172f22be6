package org.tlsrpthub.hub.readiness;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.tlsrpthub.hub.store.Dialect;

/**
 * A domain's policy rollup cells as one JSON text, {@code [[day, reporter, policy key, kind, result
 * type, MX, sessions], …]}, what {@link #aggregate} makes of them. Read in the primary key's order and
 * aggregated by the database, a domain's few thousand cells cross JDBC as one value: a
 * {@code GROUP BY} per series would sort them first, which cost more than all the rest of an
 * evaluation, and a row per cell costs a JNI call per column. JSON, because the databases' own JSON
 * builders are the cheapest way they have to turn a row into text (cheaper than concatenation,
 * which formats numbers slowly on SQLite), and it quotes any name unambiguously.
 */
final class CellsJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String COLUMNS = "day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions";

    private CellsJson() {}

    /** The aggregate of a {@code GROUP BY policy_domain} over {@code rollup_policy_daily}. */
    static String aggregate(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "json_agg(json_build_array(" + COLUMNS + "))::text"
                : "json_group_array(json_array(" + COLUMNS + "))";
    }

    @FunctionalInterface
    interface Sink {
        void accept(int day, String reporter, String policyKey, String kind, String resultType, String mx, long sessions);
    }

    /** Hands every cell of {@code json} to {@code sink}, in the order written; equal names are one String. */
    static void each(String json, Sink sink) {
        try (JsonParser p = JSON.createParser(json)) {
            Names names = new Names();
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(p, t, JsonToken.START_ARRAY);
                expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                int day = p.getIntValue();
                String reporter = names.next(p, 0), key = names.next(p, 1), kind = names.next(p, 2), type = names.next(p, 3), mx = names.next(p, 4);
                expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                long sessions = p.getLongValue();
                expect(p, p.nextToken(), JsonToken.END_ARRAY);
                sink.accept(day, reporter, key, kind, type, mx, sessions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the policy cells the database aggregated do not parse", e);
        }
    }

    private static void expect(JsonParser p, JsonToken seen, JsonToken wanted) throws IOException {
        if (seen != wanted) throw new IOException("expected " + wanted + ", found " + seen + " at " + p.currentLocation());
    }

    /**
     * The names of the cells, one String each: cells in key order mostly repeat the names of the cell
     * before, which is compared in place without building a String.
     */
    private static final class Names {
        private final String[] last = new String[5];
        private final Map<String, String> seen = new HashMap<>();

        String next(JsonParser p, int field) throws IOException {
            expect(p, p.nextToken(), JsonToken.VALUE_STRING);
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset(), length = p.getTextLength();
            String previous = last[field];
            if (previous != null && same(previous, text, offset, length)) return previous;
            String s = new String(text, offset, length);
            String known = seen.putIfAbsent(s, s);
            last[field] = known == null ? s : known;
            return last[field];
        }

        private static boolean same(String s, char[] text, int offset, int length) {
            if (s.length() != length) return false;
            for (int i = 0; i < length; i++) if (s.charAt(i) != text[offset + i]) return false;
            return true;
        }
    }
}
