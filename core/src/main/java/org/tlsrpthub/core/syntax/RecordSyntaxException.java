package org.tlsrpthub.core.syntax;

/**
 * Thrown inside the record parsers to stop at the first syntax error; the parsers catch it and
 * return a {@code Malformed} result, so it never escapes the public API.
 */
public final class RecordSyntaxException extends Exception {

    private final transient RecordError error;

    public RecordSyntaxException(String reason, String text, int offset) {
        super(reason, null, false, false);
        this.error = new RecordError(reason, text, offset);
    }

    public RecordError error() {
        return error;
    }
}
