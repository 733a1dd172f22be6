package org.tlsrpthub.core.report;

import java.util.Objects;

/**
 * A real-world deviation from RFC 8460 that was accepted instead of refused. Every leniency of the
 * parser and the email extractor leaves one of these on its result, so nothing is applied silently.
 *
 * @param code    what was tolerated
 * @param where   a JSON pointer into the report, or a header / part name for email-level warnings
 * @param message a sentence for people, naming the value found
 */
public record Warning(WarningCode code, String where, String message) {

    public Warning {
        Objects.requireNonNull(code, "code");
        // both may quote what was sent (an unknown member's name, a header), which the stores must hold alike
        where = NulReplacement.apply(Objects.requireNonNull(where, "where"));
        message = NulReplacement.apply(Objects.requireNonNull(message, "message"));
    }

    @Override
    public String toString() {
        return code.id() + " at " + (where.isEmpty() ? "/" : where) + ": " + message;
    }
}
