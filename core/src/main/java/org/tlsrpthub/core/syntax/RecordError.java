package org.tlsrpthub.core.syntax;

import java.util.Objects;

/**
 * Why a DNS TXT record (TLS-RPT or MTA-STS) is malformed, and where: the 0-based character offset
 * into the joined record text. {@link #describe()} shows the record with a caret under the culprit,
 * because operators paste these records from zone files and need to see the spot, not count.
 *
 * @param reason what is wrong, as a sentence naming the value found
 * @param text   the whole record text as parsed
 * @param offset 0-based offset of the offending character; {@code text.length()} means "at the end"
 */
public record RecordError(String reason, String text, int offset) {

    public RecordError {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(text, "text");
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
    }

    /** 1-based column, as people count. */
    public int column() {
        return offset + 1;
    }

    /** The record and a caret line under the offending character (see {@link Caret}). */
    public String caretText() {
        return Caret.render(text, offset);
    }

    /** Reason, column and caret text, ready to print. */
    public String describe() {
        return reason + " (at column " + column() + ")\n" + caretText();
    }

    @Override
    public String toString() {
        return describe();
    }
}
