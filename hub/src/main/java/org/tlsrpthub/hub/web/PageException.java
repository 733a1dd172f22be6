package org.tlsrpthub.hub.web;

/**
 * Ends a page request with an HTML error page (the API answers problem JSON instead); mapped in
 * {@link WebApp}.
 */
public final class PageException extends RuntimeException {
    private final int status;

    public PageException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static PageException notFound() {
        return new PageException(404, "There is no such item (it may have been removed by retention or reprocessing).");
    }

    static PageException badQuery(String message) {
        return new PageException(400, message);
    }
}
