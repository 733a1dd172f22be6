package org.tlsrpthub.hub.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;

/** Query parameters, validated; anything wrong is a 400 problem naming the parameter. */
final class ApiParams {
    private ApiParams() {}

    static ProblemException bad(String parameter, String detail) {
        return new ProblemException(Problem.of(400, "bad-parameter", "Bad parameter: " + parameter, detail));
    }

    static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what));
    }

    /**
     * {@code period} (24h, 7d, 30d, 90d, 365d; default {@code defaultPreset}) or {@code from} and
     * {@code to} (ISO dates, UTC days, both included), not both.
     */
    /**
     * A service's refusal as a problem: 403 a role too low, 404 what the scope does not see, 409 a
     * change this state does not allow, anything else a bad request; the detail is the service's words.
     */
    static ProblemException refused(int status, String detail) {
        return switch (status) {
            case 403 -> new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
            case 404 -> notFound(detail);
            case 409 -> new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
            default -> new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
        };
    }

    static Period period(Context ctx, Clock clock, String defaultPreset) {
        String preset = ctx.queryParam("period");
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (from != null || to != null) {
            if (preset != null) throw bad("period", "give either period or from/to, not both");
            if (from == null || to == null) throw bad(from == null ? "from" : "to", "from and to go together");
            try {
                return new Period(date("from", from), date("to", to));
            } catch (IllegalArgumentException e) {
                throw bad("from/to", e.getMessage());
            }
        }
        try {
            return Period.preset(preset == null ? defaultPreset : preset, today);
        } catch (IllegalArgumentException e) {
            throw bad("period", e.getMessage());
        }
    }

    /** A period only when one was given (the report list need not have one). */
    static Period optionalPeriod(Context ctx, Clock clock) {
        if (ctx.queryParam("period") == null && ctx.queryParam("from") == null && ctx.queryParam("to") == null) return null;
        return period(ctx, clock, "30d");
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name, "'" + value + "' is not a date like 2026-02-01");
        }
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return defaultValue;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw bad(name, name + " must be between " + min + " and " + max + ", was " + n);
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, "'" + v + "' is not a whole number");
        }
    }

    static Boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) return null;
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw bad(name, "'" + v + "' is not true or false");
        };
    }

    static long id(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad(name, "'" + v + "' is not an id");
        }
    }

    /** The order: {@code asc} or {@code desc}. */
    static boolean descending(Context ctx, boolean defaultDescending) {
        String v = ctx.queryParam("order");
        if (v == null) return defaultDescending;
        return switch (v) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw bad("order", "'" + v + "' is not asc or desc");
        };
    }

    /** {@code format=json} (default) or {@code format=csv}, or a path ending in .csv. */
    static boolean csv(Context ctx) {
        String f = ctx.queryParam("format");
        if (f == null) return ctx.path().endsWith(".csv");
        return switch (f) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw bad("format", "'" + f + "' is not json or csv");
        };
    }

    /** A domain name from the path: something a report could name, not an arbitrary string. */
    /** The path's domain in its one form, so that a U-label or {@code Example.COM.} finds what is stored. */
    static String domain(Context ctx) {
        String sent = ctx.pathParam("domain");
        String d = DomainNames.normalise(sent);
        if (d.isEmpty() || d.length() > 253 || !d.matches("[A-Za-z0-9._-]+")) {
            throw bad("domain", "'" + sent + "' is not a domain name");
        }
        return d;
    }
}
