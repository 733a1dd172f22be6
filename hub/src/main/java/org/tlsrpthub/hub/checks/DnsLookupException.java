package org.tlsrpthub.hub.checks;

import org.xbill.DNS.Rcode;

/** A lookup that got no usable answer: timeout, SERVFAIL, refused, a bad name. The message names the question and the resolver. */
public final class DnsLookupException extends Exception {
    private final int rcode;

    public DnsLookupException(String message) {
        this(message, -1);
    }

    /** @param rcode the resolver's response code when it answered with an error, -1 when it did not answer */
    public DnsLookupException(String message, int rcode) {
        super(message);
        this.rcode = rcode;
    }

    /** The resolver answered SERVFAIL: for a signed zone, what a validating resolver says for bogus data. */
    public boolean servfail() {
        return rcode == Rcode.SERVFAIL;
    }
}
