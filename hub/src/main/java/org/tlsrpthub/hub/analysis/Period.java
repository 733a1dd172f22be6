package org.tlsrpthub.hub.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A period of whole UTC days, both ends included. Rollups are daily, so every period the
 * dashboard offers is a number of complete days ending yesterday: "24h" is yesterday, "7d" the
 * seven days before today, "30d" the thirty. Today is left out because its reports are still to
 * come (a day's reports arrive the day after): a period ending today would hold a nearly empty
 * day and compare low against the period before it, which holds none.
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

    /** A preset ending the day before {@code today} (UTC); throws IllegalArgumentException for an unknown name. */
    public static Period preset(String name, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "24h" -> lastDays(1, yesterday);
            case "7d" -> lastDays(7, yesterday);
            case "30d" -> lastDays(30, yesterday);
            case "90d" -> lastDays(90, yesterday);
            case "365d" -> lastDays(365, yesterday);
            default -> throw new IllegalArgumentException("unknown period '" + name + "' (expected one of " + PRESETS + ")");
        };
    }

    /** The {@code days} days ending on {@code last}, which is included. */
    public static Period lastDays(int days, LocalDate last) {
        return new Period(last.minusDays(days - 1L), last);
    }

    /** How many UTC days the period covers; in the API output beside from and to. */
    @JsonProperty("days")
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
