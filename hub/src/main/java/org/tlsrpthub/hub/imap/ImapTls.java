package org.tlsrpthub.hub.imap;

/** How the IMAP connection is protected (setting {@code imap.<name>.tls}). */
public enum ImapTls {
    /** Plain IMAP (only for loopback or a trusted network). */
    NONE,
    /** Plain connect, then STARTTLS, required (RFC 3501 §6.2.1); port 143. */
    STARTTLS,
    /** TLS from the first byte (RFC 8314 §3.3); port 993. The default. */
    TLS
}
