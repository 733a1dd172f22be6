package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One live check of one domain, the object {@code check --json} prints:
 * {@code {"domain", "checked_at", "findings", "tlsrpt", "mta_sts", "mx", "dane"}}.
 *
 * @param tlsrpt what {@code _smtp._tls.DOMAIN} TXT held and whether its rua reaches this hub
 * @param mtaSts the {@code _mta-sts} record and the fetched policy
 * @param dane   per-domain DANE summary ("active", "inactive: not signed", …) and details
 */
public record DomainCheck(String domain, @JsonProperty("checked_at") Instant checkedAt, List<Finding> findings,
                          TlsRptState tlsrpt, @JsonProperty("mta_sts") MtaStsState mtaSts,
                          List<MxHost> mx, DaneState dane) {
    public DomainCheck {
        findings = List.copyOf(findings);
        mx = List.copyOf(mx);
    }

    /** True when a finding has severity error: {@code check} then exits 1. */
    @JsonIgnore
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == FindingSeverity.ERROR);
    }

    public boolean has(String findingId) {
        return findings.stream().anyMatch(f -> f.id().equals(findingId));
    }
}
