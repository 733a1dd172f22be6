package org.tlsrpthub.hub.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.tlsrpthub.hub.analysis.Period;

/**
 * The period a page shows: {@code ?period=24h|7d|30d|90d|365d}, or a custom {@code ?from=…&to=…}
 * (ISO dates, UTC days, both included). The preset name (or "custom") is kept for the form, and
 * today's date for saying whether the period reaches into the day still in progress.
 */
public record PeriodParam(String name, Period period, LocalDate today) {
    public static final String DEFAULT = "30d";

    public static PeriodParam of(Context ctx, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String from = ctx.queryParam("from"), to = ctx.queryParam("to");
        try {
            if (from != null && !from.isBlank() && to != null && !to.isBlank()) {
                return new PeriodParam("custom", new Period(LocalDate.parse(from.trim()), LocalDate.parse(to.trim())), today);
            }
            String name = ctx.queryParam("period");
            if (name == null || name.isBlank() || name.equals("custom")) name = DEFAULT;
            return new PeriodParam(name, Period.preset(name, today), today);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw PageException.badQuery("Bad period: " + e.getMessage());
        }
    }

    /** True when the period includes today (UTC), whose reports mostly arrive tomorrow. */
    public boolean reachesToday() {
        return !period.to().isBefore(today);
    }

    /** The query string that reproduces this period, for links. */
    public String query() {
        return name.equals("custom") ? "from=" + period.from() + "&to=" + period.to() : "period=" + name;
    }
}
