package org.tlsrpthub.hub.analysis;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A period of whole UTC days, both ends included. Rollups are daily, so every period the
 * dashboard offers is a number of days ending today: "24h" is yesterday and today (a day's
 * reports arrive the day after, so "today" alone would almost always be empty), "7d" the last
 * seven days, "30d" the last thirty.
 */
public record Period(LocalDate from, LocalDate to) {
    /** Ten years: longer ranges are a typo, and would make the overview read every row. */
    public static final int MAX_DAYS = 3660;

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a period may cover at most " + MAX_DAYS + " days");
        }
    }

    /** The preset names, as the API and pages accept them. */
    public static final java.util.List<String> PRESETS = java.util.List.of("24h", "7d", "30d", "90d", "365d");

    /** A preset ending on {@code today}; throws IllegalArgumentException for an unknown name. */
    public static Period preset(String name, LocalDate today) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "24h" -> lastDays(2, today);
            case "7d" -> lastDays(7, today);
            case "30d" -> lastDays(30, today);
            case "90d" -> lastDays(90, today);
            case "365d" -> lastDays(365, today);
            default -> throw new IllegalArgumentException("unknown period '" + name + "' (expected one of " + PRESETS + ")");
        };
    }

    public static Period lastDays(int days, LocalDate today) {
        return new Period(today.minusDays(days - 1L), today);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    public int fromEpochDay() {
        return (int) from.toEpochDay();
    }

    public int toEpochDay() {
        return (int) to.toEpochDay();
    }

    /** Epoch milliseconds of the first instant of {@link #from}. */
    public long startMillis() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Epoch milliseconds of the first instant after {@link #to}. */
    public long endMillisExclusive() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
