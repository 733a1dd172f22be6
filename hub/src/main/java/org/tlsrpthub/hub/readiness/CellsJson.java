package org.tlsrpthub.hub.readiness;

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
 * which formats numbers slowly on SQLite), and it quotes any name unambiguously. SQLite writes it
 * compact, PostgreSQL with spaces and line breaks; both escape quotes, backslashes and control
 * characters and write other characters as they are.
 */
final class CellsJson {
    private static final String COLUMNS = "day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions";

    private CellsJson() {}

    /** The aggregate of a {@code GROUP BY policy_domain} over {@code rollup_policy_daily}. */
    static String aggregate(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "json_agg(json_build_array(" + COLUMNS + "))::text"
                : "json_group_array(json_array(" + COLUMNS + "))";
    }

    /** The aggregate of a {@code GROUP BY policy_domain} over {@code rollup_policy_revision}: {@code [[day, revision], …]}. */
    static String revisionsAggregate(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "json_agg(json_build_array(day, revision))::text" : "json_group_array(json_array(day, revision))";
    }

    @FunctionalInterface
    interface RevisionSink {
        void accept(int day, long revision);
    }

    /** Hands every day and revision of {@code json} (what {@link #revisionsAggregate} makes) to {@code sink}. */
    static void eachRevision(String json, RevisionSink sink) {
        rows(json, in -> {
            int day = (int) in.number();
            in.expect(',');
            sink.accept(day, in.number());
        });
    }

    @FunctionalInterface
    interface Sink {
        void accept(int day, String reporter, String policyKey, String kind, String resultType, String mx, long sessions);
    }

    /**
     * Hands every cell of {@code json} to {@code sink}, in the order written; equal names are one String.
     * Read by hand rather than by a JSON library: the shape is fixed, and a general tokenizer took a
     * third of the read.
     */
    static void each(String json, Sink sink) {
        rows(json, in -> {
            int day = (int) in.number();
            in.expect(',');
            String reporter = in.string(0);
            in.expect(',');
            String key = in.string(1);
            in.expect(',');
            String kind = in.string(2);
            in.expect(',');
            String type = in.string(3);
            in.expect(',');
            String mx = in.string(4);
            in.expect(',');
            sink.accept(day, reporter, key, kind, type, mx, in.number());
        });
    }

    /** Reads the inside of one row, between its brackets. */
    @FunctionalInterface
    private interface Row {
        void read(Cursor in);
    }

    /** Walks an array of rows, {@code [[…], […], …]}, handing each row's inside to {@code row}. */
    private static void rows(String json, Row row) {
        Cursor in = new Cursor(json);
        in.expect('[');
        if (in.peek() == ']') return;
        while (true) {
            in.expect('[');
            row.read(in);
            in.expect(']');
            if (in.peek() == ']') return;
            in.expect(',');
        }
    }

    /**
     * Reads the JSON text: whitespace anywhere between tokens (PostgreSQL writes some), strings with
     * any escape. Names mostly repeat those of the cell before, which are compared in place.
     */
    private static final class Cursor {
        private final String text;
        private final String[] last = new String[5];
        private final Map<String, String> seen = new HashMap<>();
        private int i;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            while (i < text.length() && text.charAt(i) <= ' ') i++;
            if (i >= text.length()) throw error("the text ends early");
            return text.charAt(i);
        }

        void expect(char c) {
            if (peek() != c) throw error("'" + c + "' expected");
            i++;
        }

        long number() {
            peek();
            int from = i;
            if (text.charAt(i) == '-') i++;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
            if (i == from || (i == from + 1 && text.charAt(from) == '-')) throw error("a number expected");
            return Long.parseLong(text, from, i, 10);
        }

        String string(int field) {
            expect('"');
            int from = i;
            while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\\') i++;
            if (i >= text.length()) throw error("a string runs on to the end");
            String s;
            if (text.charAt(i) == '"') {
                String previous = last[field];
                if (previous != null && i - from == previous.length() && text.regionMatches(from, previous, 0, previous.length())) {
                    i++;
                    return previous;
                }
                s = text.substring(from, i++);
            } else {
                s = escaped(from);
            }
            String known = seen.putIfAbsent(s, s);
            last[field] = known == null ? s : known;
            return last[field];
        }

        /** The rest of a string from {@code from}, its escapes decoded; {@code i} is at the first backslash. */
        private String escaped(int from) {
            StringBuilder out = new StringBuilder(text.substring(from, i));
            while (true) {
                if (i >= text.length()) throw error("a string runs on to the end");
                char c = text.charAt(i++);
                if (c == '"') return out.toString();
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= text.length()) throw error("a string runs on to the end");
                char e = text.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > text.length()) throw error("a \\u escape cut short");
                        out.append((char) Integer.parseInt(text, i, i + 4, 16));
                        i += 4;
                    }
                    default -> throw error("an unknown escape \\" + e);
                }
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("the policy rollups the database aggregated do not parse: " + what + " at character " + i
                    + " of " + text.length());
        }
    }
}
