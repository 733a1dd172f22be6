package org.tlsrpthub.hub.checks;

/**
 * Runs one live check of one domain, now. The CLI's {@code check}, the "check now" button, the API
 * and the scheduled rounds all go through it. Never throws for what it finds on the network: a
 * resolver that does not answer or a server sending garbage is a finding.
 */
@FunctionalInterface
public interface DomainChecker {
    DomainCheck check(String domain);
}
