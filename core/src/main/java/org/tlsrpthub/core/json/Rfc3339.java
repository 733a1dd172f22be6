package org.tlsrpthub.core.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** RFC 3339 §5.6 date-times as RFC 8460 §4.4 uses them, plus Microsoft's zone-less variant. */
final class Rfc3339 {
    private Rfc3339() {}

    /** The outcome: the instant and whether the text lacked an offset (read as UTC). */
    record Parsed(Instant instant, boolean withoutOffset) {}

    // RFC 3339 allows a lower-case 't'/'z' and (§5.6 NOTE) a space in place of 'T'.
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    /** Returns null when the text is not a date-time at all. */
    static Parsed parse(String text) {
        Instant fast = parseCommonForm(text);
        if (fast != null) return new Parsed(fast, false);
        String t = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return new Parsed(OffsetDateTime.parse(t, WITH_OFFSET).toInstant(), false);
        } catch (DateTimeParseException e) {
            // fall through: maybe Microsoft's "2023-01-10T00:00:00" without a zone
        }
        try {
            return new Parsed(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC), true);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "YYYY-MM-DDTHH:MM:SSZ", what nearly every sender writes, parsed without the formatter's cost. */
    private static Instant parseCommonForm(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
