package org.tlsrpthub.hub.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer as RFC 9457 problem details ({@code application/problem+json}). The extension
 * members carry the parser's location so a sender's operator can find the broken byte.
 *
 * @param type      a URI naming the problem kind (relative to this hub's documentation)
 * @param pointer   JSON pointer (RFC 6901) of the offending value; null when not about JSON
 * @param line      1-based line, null when unknown
 * @param column    1-based column, null when unknown
 * @param requestId the request id, also logged, so an operator can find the request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String pointer, Long line, Long column,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://github.com/tlsrpt-hub/tlsrpt-hub/blob/main/docs/receiving.md#";

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(BASE + kind, title, status, detail, null, null, null, null);
    }

    public Problem at(String pointer, long line, long column) {
        return new Problem(type, title, status, detail, pointer, line > 0 ? line : null, column > 0 ? column : null, requestId);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, pointer, line, column, id);
    }

    /** The last part of {@link #type}, for logs. */
    public String kind() {
        return type.substring(type.indexOf('#') + 1);
    }
}
