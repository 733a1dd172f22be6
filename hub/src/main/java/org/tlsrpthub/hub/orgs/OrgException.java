package org.tlsrpthub.hub.orgs;

/**
 * A refused organisation change, with the HTTP status it maps to (the CLI prints the message): 400
 * bad input, 403 not allowed, 404 no such organisation, user or member, 409 not in this state.
 */
public final class OrgException extends RuntimeException {
    private final int status;

    private OrgException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static OrgException badInput(String message) {
        return new OrgException(400, message);
    }

    static OrgException forbidden(String message) {
        return new OrgException(403, message);
    }

    static OrgException notFound(String message) {
        return new OrgException(404, message);
    }

    static OrgException conflict(String message) {
        return new OrgException(409, message);
    }
}
