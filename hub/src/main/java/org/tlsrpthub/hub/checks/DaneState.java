package org.tlsrpthub.hub.checks;

/**
 * DANE for the domain's MX hosts as a whole. Owned by the prober, which may add fields.
 *
 * @param status  "active" (every MX has authenticated TLSA that matches), "partial", "inactive"
 *                (no TLSA, or not DNSSEC-signed: a fact, not an error) or "invalid"
 * @param summary plain words: "DANE inactive: not signed"
 */
public record DaneState(String status, String summary) {}
