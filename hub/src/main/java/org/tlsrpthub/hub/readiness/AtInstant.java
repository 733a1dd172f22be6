package org.tlsrpthub.hub.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code --at} / {@code ?at=} of a readiness question: an instant, or a UTC day (its start). */
public final class AtInstant {
    private AtInstant() {}

    /** @return null for null (now) */
    public static Instant parse(String text) {
        if (text == null) return null;
        String t = text.trim();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a UTC day (2026-06-01) nor an instant (2026-06-01T12:00:00Z)");
        }
    }
}
