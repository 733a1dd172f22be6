package org.tlsrpthub.hub.checks;

/**
 * Whether the DNS answers that lead to an MX host (the domain's MX records, then the host's A and
 * AAAA records) were DNSSEC-authenticated. DANE applies only when they were (RFC 7672 §2.2): an
 * attacker who can forge an unsigned MX or address answer can steer the sender to a host of its
 * choosing, whose own TLSA records would then prove nothing.
 *
 * @param why plain words naming the answer that was not authenticated, null when all were
 */
public record MxDnssec(String why) {
    public static final MxDnssec AUTHENTICATED = new MxDnssec(null);

    public static MxDnssec notAuthenticated(String why) {
        return new MxDnssec(why);
    }

    public boolean authenticated() {
        return why == null;
    }
}
