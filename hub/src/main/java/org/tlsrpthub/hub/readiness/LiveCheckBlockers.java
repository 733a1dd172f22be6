package org.tlsrpthub.hub.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;

/**
 * What the hub's own live check sees broken on the policy or the MX hosts now (issue 13 §1: also
 * not-ready when the live checks fail there): under enforce, senders would refuse delivery for it
 * whatever the reports of the last weeks say.
 */
final class LiveCheckBlockers {
    /** A newest check older than this says nothing about now (the same bound as the live-check alert rule). */
    static final Duration MAX_AGE = Duration.ofHours(48);

    private static final Set<String> BLOCKING = Set.of("sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid",
            "mx-not-in-policy", "starttls-not-supported", "certificate-expired", "certificate-not-yet-valid", "certificate-not-trusted",
            "certificate-host-mismatch", "tls-handshake-failed");

    private LiveCheckBlockers() {}

    /** One sentence per blocking error finding of {@code check}, the newest taken at or before {@code at} (null: none); empty when none. */
    static List<String> reasons(DomainCheck check, Instant at) {
        if (check == null || check.checkedAt().isBefore(at.minus(MAX_AGE))) return List.of();
        List<String> out = new ArrayList<>();
        for (Finding f : check.findings()) {
            if (f.severity() != FindingSeverity.ERROR || !BLOCKING.contains(f.id())) continue;
            out.add(String.format(Locale.ROOT, "The live check of %s finds %s on %s: %s Under enforce, senders would refuse this delivery.",
                    check.checkedAt(), f.id(), f.subject(), f.message()));
        }
        return out;
    }
}
