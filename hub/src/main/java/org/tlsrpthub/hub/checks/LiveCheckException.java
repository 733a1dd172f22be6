package org.tlsrpthub.hub.checks;

/**
 * Why a live-check request was refused, with the HTTP status the API and pages answer with. Another
 * organisation's domain is "not found" exactly like an unknown one.
 */
public final class LiveCheckException extends RuntimeException {
    private final int status;

    private LiveCheckException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static LiveCheckException notFound(String domain) {
        return new LiveCheckException(404, "no domain " + domain);
    }

    static LiveCheckException forbidden(String message) {
        return new LiveCheckException(403, message);
    }

    static LiveCheckException bad(String message) {
        return new LiveCheckException(400, message);
    }
}
