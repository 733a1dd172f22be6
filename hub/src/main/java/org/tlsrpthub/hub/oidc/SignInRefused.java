package org.tlsrpthub.hub.oidc;

/** A sign-in that must not go through; the message is for the person signing in (no secrets, no internals). */
public final class SignInRefused extends Exception {
    private final int status;

    SignInRefused(String message) {
        this(403, message);
    }

    SignInRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
