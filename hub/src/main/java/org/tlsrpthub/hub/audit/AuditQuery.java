package org.tlsrpthub.hub.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * Which entries to read; every field is optional (null: no filter).
 *
 * @param org    an organisation's slug (only hub admins may choose; an organisation admin reads their own)
 * @param actor  exactly this actor name (user, token id, {@code cli:…}, {@code system})
 * @param action one of the vocabulary ({@link AuditAction})
 * @param since  entries at or after this instant
 * @param until  entries before this instant
 */
public record AuditQuery(String org, String actor, AuditAction action, Instant since, Instant until) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

    public AuditQuery {
        org = blankToNull(org);
        actor = blankToNull(actor);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
        }
    }

    /** A filter value that cannot be read; names the parameter (org, actor, action, since, until). */
    public static final class BadFilter extends IllegalArgumentException {
        private final String parameter;

        BadFilter(String parameter, String message) {
            super(parameter + ": " + message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /**
     * The query the API, the page and the command line were given, by parameter name (a missing or
     * blank parameter is no filter).
     */
    public static AuditQuery from(UnaryOperator<String> parameter) {
        String action = parameter.apply("action");
        AuditAction a;
        try {
            a = action == null || action.isBlank() ? null : AuditAction.of(action);
        } catch (IllegalArgumentException e) {
            throw new BadFilter("action", e.getMessage());
        }
        Instant since = bound("since", parameter.apply("since"), false);
        Instant until = bound("until", parameter.apply("until"), true);
        try {
            return new AuditQuery(parameter.apply("org"), parameter.apply("actor"), a, since, until);
        } catch (IllegalArgumentException e) {
            throw new BadFilter("until", e.getMessage());
        }
    }

    /**
     * A time bound as typed in the API, the page or the command line: an instant
     * ({@code 2026-11-01T10:00:00Z}) or a UTC day ({@code 2026-11-01}), which as {@code until}
     * includes that whole day. Null or blank: no bound.
     */
    static Instant bound(String name, String value, boolean until) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (until ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadFilter(name, "'" + value + "' is neither a day like 2026-11-01 nor an instant like 2026-11-01T10:00:00Z");
        }
    }

    public AuditQuery inOrg(String slug) {
        return new AuditQuery(slug, actor, action, since, until);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
