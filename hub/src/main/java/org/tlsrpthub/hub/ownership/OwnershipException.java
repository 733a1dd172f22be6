package org.tlsrpthub.hub.ownership;

/**
 * Why an ownership request was refused, with the HTTP status the API and the pages answer with.
 * A domain of another organisation is "not found", never "forbidden": its existence is not told.
 */
public final class OwnershipException extends RuntimeException {
    private final int status;

    private OwnershipException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static OwnershipException bad(String message) {
        return new OwnershipException(400, message);
    }

    static OwnershipException forbidden(String message) {
        return new OwnershipException(403, message);
    }

    static OwnershipException notFound(String message) {
        return new OwnershipException(404, message);
    }
}
