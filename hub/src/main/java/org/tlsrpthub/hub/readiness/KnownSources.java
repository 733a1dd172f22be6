package org.tlsrpthub.hub.readiness;

import org.tlsrpthub.hub.checks.DomainCheck;

/**
 * What the caller read already about a domain's sources of a current policy, for many domains at
 * once, so that a source does not ask the database what is known to be absent.
 *
 * @param newestCheck the domain's newest live check taken at or before the instant asked about, or null
 * @param hosted      whether the hub has any hosted policy version of the domain (true when not known)
 */
public record KnownSources(DomainCheck newestCheck, boolean hosted) {}
