package org.tlsrpthub.core.syntax;

import java.util.Objects;

/**
 * A field of a TXT record that the parser does not interpret ({@code ext-name=ext-value},
 * RFC 8460 §3, RFC 8461 §3.1). Such fields MUST be accepted; they are kept so a checker can show them.
 */
public record Extension(String name, String value) {

    public Extension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
