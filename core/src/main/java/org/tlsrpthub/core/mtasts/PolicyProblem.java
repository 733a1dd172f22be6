package org.tlsrpthub.core.mtasts;

import java.util.Objects;

/**
 * An error or warning found in an MTA-STS policy file.
 *
 * @param line    1-based line number, or 0 when the problem concerns the whole file (a missing field)
 * @param message a sentence naming the value found
 */
public record PolicyProblem(int line, String message) {

    public PolicyProblem {
        Objects.requireNonNull(message, "message");
        if (line < 0) throw new IllegalArgumentException("line " + line);
    }

    @Override
    public String toString() {
        return (line == 0 ? "policy: " : "line " + line + ": ") + message;
    }
}
