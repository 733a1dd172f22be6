package org.tlsrpthub.hub.alerts;

import java.util.Locale;
import java.util.function.Function;
import org.tlsrpthub.hub.alerts.rules.Rules;

/**
 * Which incidents a list shows: by domain, rule, severity and state ("open", "resolved" or null for
 * both). Built from request parameters or options; a bad value is refused with its name.
 */
public record IncidentFilter(String domain, String rule, Severity severity, String state) {
    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null);

    public static IncidentFilter from(Function<String, String> param) {
        String domain = blank(param.apply("domain"));
        String rule = blank(param.apply("rule"));
        if (rule != null && Rules.all().stream().noneMatch(r -> r.id().equals(rule))) {
            throw new IllegalArgumentException("rule '" + rule + "' is not a rule id");
        }
        String sev = blank(param.apply("severity"));
        Severity severity;
        try {
            severity = sev == null ? null : Severity.of(sev);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity '" + sev + "' is not info, warning or critical");
        }
        String state = blank(param.apply("state"));
        if (state != null && !state.equals(Incident.OPEN) && !state.equals(Incident.RESOLVED)) {
            throw new IllegalArgumentException("state '" + state + "' is not open or resolved");
        }
        return new IncidentFilter(domain == null ? null : domain.toLowerCase(Locale.ROOT), rule, severity, state);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
