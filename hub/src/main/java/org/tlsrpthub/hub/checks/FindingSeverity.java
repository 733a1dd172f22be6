package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a live-check finding matters: an {@link #ERROR} makes {@code check} exit 1. */
public enum FindingSeverity {
    INFO, WARNING, ERROR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
