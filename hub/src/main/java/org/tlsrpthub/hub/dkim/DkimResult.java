package org.tlsrpthub.hub.dkim;

import java.util.List;

/**
 * The DKIM verdict on one message.
 *
 * @param verdict        pass (at least one valid signature), fail (signatures, none valid),
 *                       none (no signature) or temperror (a key could not be fetched, RFC 6376 §6.1.2)
 * @param passingDomains the d= of every valid signature (lower case); empty unless pass
 * @param signingDomain  the d= to show: the first valid one, else the first signature's; null for none
 * @param detail         why it failed, for the operator; null when it passed
 */
public record DkimResult(Verdict verdict, List<String> passingDomains, String signingDomain, String detail) {

    public enum Verdict { PASS, FAIL, NONE, TEMPERROR }

    public DkimResult {
        passingDomains = List.copyOf(passingDomains);
    }

    public static final DkimResult NONE = new DkimResult(Verdict.NONE, List.of(), null, null);

    /**
     * The form kept in the store's {@code dkim_result}: "pass d=example.com" (every valid d=, comma-separated,
     * when several), "fail d=example.com: …", "none". The store reads passes back ({@link #passingDomainsIn}).
     */
    public String stored() {
        StringBuilder s = new StringBuilder(verdict.name().toLowerCase(java.util.Locale.ROOT));
        if (verdict == Verdict.PASS) {
            s.append(" d=").append(String.join(",", passingDomains));
        } else if (signingDomain != null) {
            s.append(" d=").append(signingDomain);
        }
        if (detail != null && verdict != Verdict.PASS) s.append(": ").append(detail);
        return s.length() > 500 ? s.substring(0, 500) : s.toString();
    }

    /** The valid d= of a stored verdict ({@link #stored}); empty unless it is a pass. */
    public static List<String> passingDomainsIn(String stored) {
        if (stored == null || !stored.startsWith(PASS_PREFIX)) return List.of();
        List<String> out = new java.util.ArrayList<>();
        for (String d : stored.substring(PASS_PREFIX.length()).split(",")) {
            if (!d.isBlank()) out.add(d.trim());
        }
        return out;
    }

    private static final String PASS_PREFIX = "pass d=";
}
