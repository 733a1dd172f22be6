package org.tlsrpthub.hub.oidc;

/**
 * The provider could not be used. Misconfigured: the settings or the provider's documents are wrong,
 * which an operator must fix (the hub refuses to start). Unavailable: the provider did not answer
 * usably now; a later try may work (a sign-in then shows a page that says so).
 */
public final class ProviderException extends Exception {
    private final boolean misconfigured;

    private ProviderException(String message, boolean misconfigured, Throwable cause) {
        super(message, cause);
        this.misconfigured = misconfigured;
    }

    static ProviderException misconfigured(String message) {
        return new ProviderException(message, true, null);
    }

    static ProviderException unavailable(String message) {
        return new ProviderException(message, false, null);
    }

    static ProviderException unavailable(String message, Throwable cause) {
        return new ProviderException(message, false, cause);
    }

    public boolean misconfigured() {
        return misconfigured;
    }
}
