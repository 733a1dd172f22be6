package org.tlsrpthub.core.mail;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the {@code Date} header leniently. Report emails are not always RFC 5322 (§3.3): the RFC 8460
 * §5.3.1 sample itself writes {@code Fri, May 09 2017 16:54:30 -0800}, month before day. The raw
 * text is always kept; this only adds an instant when one can be read without guessing.
 */
final class EmailDates {

    // Shapes seen in the wild that MailDateFormat refuses; the day-of-week is removed first.
    private static final List<DateTimeFormatter> FALLBACKS = List.of(
            formatter("MMM d yyyy HH:mm[:ss] Z"),
            formatter("MMM d yyyy HH:mm[:ss] z"),
            formatter("d MMM yyyy HH:mm[:ss] Z"),
            formatter("d MMM yyyy HH:mm[:ss] z"));

    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DAY_OF_WEEK = Pattern.compile("^[A-Za-z]+,?\\s*");

    private EmailDates() {}

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ROOT);
    }

    /** The instant of {@code raw}, or null when it cannot be read. */
    static Instant parse(String raw) {
        if (raw == null) return null;
        // Comments such as "(PDT)" carry nothing the numeric zone does not (RFC 5322 §3.3).
        String text = SPACES.matcher(COMMENT.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
        if (text.isEmpty()) return null;
        try {
            // Fast path for the common, well-formed shape (RFC 5322 §3.3 = RFC 1123 dates): the
            // formatter is immutable and shared, while a MailDateFormat costs a Calendar per call.
            // Anything it refuses (including a wrong day-of-week) goes on to MailDateFormat as before.
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // not the plain shape
        }
        try {
            Date d = new MailDateFormat().parse(text, new ParsePosition(0));
            if (d != null) return d.toInstant();
        } catch (RuntimeException e) {
            // MailDateFormat signals some malformed input with unchecked exceptions; try the fallbacks.
        }
        // The day-of-week is redundant and may be wrong: the RFC 8460 sample's "Fri, May 09 2017" was a Tuesday.
        String dated = DAY_OF_WEEK.matcher(text).replaceFirst("");
        for (DateTimeFormatter f : FALLBACKS) {
            try {
                return ZonedDateTime.parse(dated, f).toInstant();
            } catch (DateTimeParseException e) {
                // next shape
            }
        }
        return null;
    }
}
