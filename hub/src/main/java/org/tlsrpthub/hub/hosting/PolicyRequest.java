package org.tlsrpthub.hub.hosting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;

/**
 * A policy as a person asks for it (CLI options, API body, page form), before it is checked.
 *
 * @param maxAge seconds; null when not given
 */
public record PolicyRequest(String mode, List<String> mx, Long maxAge, String reason, boolean allowMxMismatch) {
    /** RFC 8461 §3.2 caps max_age at 31557600 seconds (about a year). */
    static final long MAX_AGE_LIMIT = 31_557_600L;
    /** Below a day, RFC 8461 §3.2's advice ("weeks or greater") is far off: a testing or enforce policy must not be that short. */
    static final long MIN_ACTIVE_MAX_AGE = 86_400L;
    static final int MAX_REASON = 1_000;

    public PolicyRequest {
        mx = mx == null ? List.of() : List.copyOf(mx);
    }

    /** The checked policy, or a refusal naming the value that is wrong and why. */
    MtaStsPolicy policy() {
        if (mode == null || mode.isBlank()) throw HostingException.bad("give a mode: testing, enforce or none");
        PolicyMode m = PolicyMode.of(mode.strip())
                .orElseThrow(() -> HostingException.bad("mode '" + mode.strip() + "' is not one of testing, enforce, none"));
        if (maxAge == null) throw HostingException.bad("give max_age in seconds (e.g. 604800, one week)");
        if (maxAge < 0 || maxAge > MAX_AGE_LIMIT) {
            throw HostingException.bad("max_age " + maxAge + " is out of range: RFC 8461 §3.2 allows 0 to " + MAX_AGE_LIMIT + " seconds");
        }
        if (m != PolicyMode.NONE && maxAge < MIN_ACTIVE_MAX_AGE) {
            throw HostingException.bad("max_age " + maxAge + " is below " + MIN_ACTIVE_MAX_AGE + " seconds (one day) for mode " + m.value()
                    + ": RFC 8461 §3.2 advises weeks or more, since a short max_age lets an attacker strip the policy whenever it expires");
        }
        List<MxPattern> patterns = patterns();
        if (m == PolicyMode.NONE && !patterns.isEmpty()) {
            throw HostingException.bad("mode none takes no mx patterns (it withdraws the policy, RFC 8461 §8.3); leave mx empty");
        }
        if (m != PolicyMode.NONE && patterns.isEmpty()) {
            throw HostingException.bad("mode " + m.value() + " needs at least one mx pattern naming the MX hosts (e.g. mx1.example.com or *.example.com)");
        }
        return new MtaStsPolicy(m, maxAge, patterns);
    }

    private List<MxPattern> patterns() {
        Set<MxPattern> out = new LinkedHashSet<>();
        for (String text : mx) {
            if (text == null || text.isBlank()) continue;
            MxPattern p;
            try {
                p = MxPattern.of(text.strip());
            } catch (IllegalArgumentException e) {
                throw HostingException.bad("invalid mx pattern: " + e.getMessage());
            }
            if (!out.add(p)) throw HostingException.bad("mx pattern '" + p.pattern() + "' is given twice");
        }
        return new ArrayList<>(out);
    }

    /** The reason, trimmed; null when blank. */
    String cleanReason() {
        return clean(reason);
    }

    static String clean(String reason) {
        if (reason == null || reason.isBlank()) return null;
        String r = reason.strip();
        if (r.length() > MAX_REASON) throw HostingException.bad("the reason is longer than " + MAX_REASON + " characters");
        return r;
    }

    static String printable(String s) {
        String v = s.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }
}
