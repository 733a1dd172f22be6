package org.tlsrpthub.core.syntax;

import java.util.Objects;

/**
 * A deviation in a TXT record that was accepted, with where it is. Nothing lenient happens
 * silently: every tolerance in the record parsers leaves one of these.
 *
 * @param code    what was tolerated
 * @param message a sentence for people, naming the value found
 * @param offset  0-based character offset into the record text
 */
public record RecordWarning(Code code, String message, int offset) {

    /** The kinds of tolerated deviation. */
    public enum Code {
        /** {@code v=TLSRPTv1 ;}: allowed by the grammar, but senders filtering on the prefix miss it. */
        WHITESPACE_BEFORE_SEMICOLON,
        /** {@code ;;} or {@code ; ;}: an empty field, skipped. */
        EMPTY_FIELD,
        /** Whitespace after the last field with no {@code ;} after it. */
        TRAILING_WHITESPACE,
        /** A {@code rua} URI whose scheme is neither mailto nor https; senders ignore it. */
        UNKNOWN_URI_SCHEME,
        /** Every {@code rua} URI has an unknown scheme: the record is valid, but no report can arrive. */
        NO_USABLE_DESTINATION,
        /** More than one {@code rua=} field; their URIs were merged. */
        SEVERAL_RUA_FIELDS,
        /** The same URI listed twice; kept once. */
        DUPLICATE_URI
    }

    public RecordWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public int column() {
        return offset + 1;
    }

    @Override
    public String toString() {
        return message + " (at column " + column() + ")";
    }
}
