package org.tlsrpthub.core.mail;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
    // RFC 5322 §3.3 as nearly every sender writes it: [day-of-week ","] day month year hour:minute[:second] zone.
    private static final Pattern COMMON = Pattern.compile(
            "(?:[A-Za-z]{3}, ?)?(\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2})(?::(\\d{2}))? ([+-]\\d{4}|GMT|UTC?)");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec");

    private EmailDates() {}

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ROOT);
    }

    private static Instant common(String text) {
        Matcher m = COMMON.matcher(text);
        if (!m.matches()) return null;
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) return null;
        String zone = m.group(7);
        int offsetMinutes = 0;
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            int hhmm = Integer.parseInt(zone.substring(1));
            offsetMinutes = (hhmm / 100 * 60 + hhmm % 100) * (zone.charAt(0) == '-' ? -1 : 1);
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return t.toInstant(ZoneOffset.UTC).minusSeconds(offsetMinutes * 60L);
        } catch (DateTimeException e) {
            return null; // e.g. 31 Feb: let the lenient parsers decide, as before
        }
    }

    /** The instant of {@code raw}, or null when it cannot be read. */
    static Instant parse(String raw) {
        if (raw == null) return null;
        // Comments such as "(PDT)" carry nothing the numeric zone does not (RFC 5322 §3.3).
        String text = SPACES.matcher(COMMENT.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
        if (text.isEmpty()) return null;
        // Fast path for the common shape: a MailDateFormat costs a Calendar per call, and this runs
        // for every report email. Like MailDateFormat it ignores the day-of-week. Anything else goes
        // on to MailDateFormat and the fallbacks as before.
        Instant common = common(text);
        if (common != null) return common;
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
