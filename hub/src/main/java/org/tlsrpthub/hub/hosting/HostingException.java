package org.tlsrpthub.hub.hosting;

/**
 * Why a hosting request was refused, with the HTTP status the API and the pages answer with: 400
 * bad input, 403 a role too low, 404 a domain the scope does not see (another organisation's
 * domain answers exactly like an unknown one), 409 a change this state does not allow.
 */
public final class HostingException extends RuntimeException {
    private final int status;

    private HostingException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Bad input, also for the forms' own fields before they reach the service. */
    public static HostingException bad(String message) {
        return new HostingException(400, message);
    }

    static HostingException forbidden(String message) {
        return new HostingException(403, message);
    }

    static HostingException notFound(String domain) {
        // the same words for another organisation's domain: the hint names only what anyone could do
        return new HostingException(404, "no domain " + domain + " (a policy is hosted only for a domain the hub serves: add it with"
                + " 'tlsrpt-hub domains add " + domain + "')");
    }

    static HostingException conflict(String message) {
        return new HostingException(409, message);
    }
}
