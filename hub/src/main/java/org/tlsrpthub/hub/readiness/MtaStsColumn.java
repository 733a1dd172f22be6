package org.tlsrpthub.hub.readiness;

/**
 * The overview's "MTA-STS" column for one domain: the current policy's mode, and the verdict when
 * the domain is in testing.
 *
 * @param mode    testing, enforce or none; empty when the domain has no MTA-STS policy
 * @param verdict the readiness verdict when in testing, else null
 */
public record MtaStsColumn(String mode, Verdict verdict) {
    static MtaStsColumn of(Readiness r) {
        String mode = r.policy() == null ? "" : r.policy().mode();
        return new MtaStsColumn(mode, mode.equals("testing") ? r.verdict() : null);
    }
}
