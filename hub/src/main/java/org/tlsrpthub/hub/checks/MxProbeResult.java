package org.tlsrpthub.hub.checks;

import java.util.List;

/**
 * What probing one MX host found.
 *
 * @param mx       the host as the JSON output shows it
 * @param findings its findings (certificate, STARTTLS, DANE), with the host or address as subject
 */
public record MxProbeResult(MxHost mx, List<Finding> findings) {
    public MxProbeResult {
        findings = List.copyOf(findings);
    }
}
