package org.tlsrpthub.hub.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.tlsrpthub.core.mtasts.MxPattern;

/**
 * An MTA-STS policy as reporters applied it, reduced to what makes a version: the mode and the mx
 * patterns (RFC 8460 §4.4 policy-string lines, or the mx-host list). Two reports with the same mode
 * and patterns applied the same version, whatever the order of lines; max_age is carried along but
 * is not part of the identity, since a new max_age changes nothing enforce would refuse.
 *
 * <p>The lines are read leniently rather than with core's policy parser: a reporter may leave out the
 * version line or add spaces, and the readiness of a domain must not depend on that.
 *
 * @param maxAge seconds, or null when the reports did not say
 */
public record PolicyVersion(String mode, List<String> mx, Long maxAge) {

    public PolicyVersion {
        mx = List.copyOf(new TreeSet<>(mx));
    }

    /** Reads the stored policy strings and mx hosts (newline-separated) of an {@code sts} policy. */
    public static PolicyVersion of(String policyStrings, String mxHosts) {
        String mode = "";
        Long maxAge = null;
        List<String> mx = new ArrayList<>();
        for (String line : policyStrings.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "mode" -> mode = value.toLowerCase(Locale.ROOT);
                case "mx" -> mx.add(value.toLowerCase(Locale.ROOT));
                case "max_age" -> maxAge = parseMaxAge(value);
                default -> { }
            }
        }
        if (mx.isEmpty()) {
            for (String m : mxHosts.split("\n")) if (!m.isBlank()) mx.add(m.trim().toLowerCase(Locale.ROOT));
        }
        return new PolicyVersion(mode, mx, maxAge);
    }

    private static Long parseMaxAge(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null; // a reporter's garbled line: the age is unknown, the version still counts
        }
    }

    /** The identity of the version: mode and patterns. */
    public String id() {
        return mode + " " + String.join(",", mx);
    }

    /** Whether some pattern names the host (RFC 8461 §4.1); a pattern no reporter should have sent names nothing. */
    public boolean names(String host) {
        for (String p : mx) {
            try {
                if (MxPattern.of(p).matches(host)) return true;
            } catch (IllegalArgumentException notAPattern) {
                // a garbled mx line in a report: it cannot name a host
            }
        }
        return false;
    }

    /** "mode testing, mx mx1.example.com, mx2.example.com". */
    public String describe() {
        return "mode " + (mode.isEmpty() ? "(none given)" : mode) + ", mx " + (mx.isEmpty() ? "(none)" : String.join(", ", mx));
    }
}
