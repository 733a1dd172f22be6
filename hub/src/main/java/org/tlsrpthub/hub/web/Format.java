package org.tlsrpthub.hub.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times look on every page (UTC, like the reports themselves). */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {}

    public static String time(Instant t) {
        return t == null ? "—" : TIME.format(t) + " UTC";
    }

    public static String day(Instant t) {
        return t == null ? "—" : DAY.format(t);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A failure rate in percent with two decimals, "—" when there were no sessions. */
    public static String rate(long ok, long failed) {
        long total = ok + failed;
        return total == 0 ? "—" : String.format(Locale.ROOT, "%.2f %%", 100.0 * failed / total);
    }

    /** A value for a path segment or query parameter: report data may hold any character. */
    public static String url(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", n / 1024.0 / 1024.0);
    }

    /** A signed change in percentage points, e.g. "+1.20 pp". */
    public static String points(double p) {
        return String.format(Locale.ROOT, "%+.2f pp", p);
    }

    public static String signed(long n) {
        return String.format(Locale.ROOT, "%+,d", n);
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.2f %%", 100.0 * fraction);
    }
}
