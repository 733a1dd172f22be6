package org.tlsrpthub.hub.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How bad an incident is; declared from mild to severe, so that a higher ordinal is a material change.
 * {@code info} is news rather than trouble (a domain became ready for enforce).
 */
public enum Severity {
    INFO, WARNING, CRITICAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
