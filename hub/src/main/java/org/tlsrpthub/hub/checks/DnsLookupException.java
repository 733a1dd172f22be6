package org.tlsrpthub.hub.checks;

/** A lookup that got no usable answer: timeout, SERVFAIL, refused, a bad name. The message names the question and the resolver. */
public final class DnsLookupException extends Exception {
    public DnsLookupException(String message) {
        super(message);
    }
}
