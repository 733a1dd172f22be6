package org.tlsrpthub.hub.store;

/**
 * A rollup series as one text column: {@code day:sessions} pairs joined by commas, what
 * {@link #AGGREGATE} makes of a group of cells. Reading a domain's cells grouped this way fetches each
 * reporter, result type and MX name once per series rather than once per day, which is most of the
 * JDBC cost of the alert evaluation and the readiness verdict.
 */
public final class DaySessions {
    /** The series of a {@code GROUP BY} over cells with {@code day} and {@code sessions} columns, on both databases. */
    public static final String AGGREGATE = "string_agg(day || ':' || sessions, ',')";

    private DaySessions() {}

    /** A receiver of one day's sessions. */
    @FunctionalInterface
    public interface Sink {
        void accept(int day, long sessions);
    }

    /** Hands every pair of {@code series} to {@code sink}, in the order written. */
    public static void each(String series, Sink sink) {
        int n = series.length(), i = 0;
        while (i < n) {
            int colon = series.indexOf(':', i);
            int comma = series.indexOf(',', colon);
            if (comma < 0) comma = n;
            sink.accept(Integer.parseInt(series, i, colon, 10), Long.parseLong(series, colon + 1, comma, 10));
            i = comma + 1;
        }
    }
}
