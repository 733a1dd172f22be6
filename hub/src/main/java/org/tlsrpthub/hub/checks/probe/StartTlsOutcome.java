package org.tlsrpthub.hub.checks.probe;

/** How far the SMTP dialogue with one address got; {@link #id()} is the {@code starttls} value in the JSON. */
public enum StartTlsOutcome {
    /** STARTTLS offered and the TLS handshake completed. */
    OFFERED("offered"),
    /** EHLO did not list STARTTLS, or the server refused the STARTTLS command. */
    NOT_OFFERED("not-offered"),
    /** STARTTLS offered but the TLS handshake failed. */
    HANDSHAKE_FAILED("handshake-failed"),
    /** No TCP connection. */
    UNREACHABLE("unreachable"),
    /** The greeting was a 4xx/5xx reply (421: busy or rate-limited). */
    GREETING_REFUSED("greeting-refused"),
    /** No greeting before the bound. */
    GREETING_TIMEOUT("greeting-timeout"),
    /** The server answered something that is not SMTP, or went quiet after the greeting. */
    PROTOCOL_ERROR("protocol-error"),
    /** The outbound guard refused the address; nothing was sent. */
    NOT_PROBED("not-probed");

    private final String id;

    StartTlsOutcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
