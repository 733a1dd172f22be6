package org.tlsrpthub.hub.orgs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A user's or a token's rights in one organisation; each role includes the ones before it. */
public enum Role {
    /** Reads everything of the organisation. */
    VIEWER,
    /** Also acknowledges and snoozes incidents, reprocesses quarantine and runs checks. */
    ANALYST,
    /** Also manages users, domains, settings, policy hosting and tokens. */
    ADMIN;

    public boolean atLeast(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** As stored and shown (and in JSON): {@code viewer}, {@code analyst}, {@code admin}. */
    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or typed role; the error names the value and the valid ones. */
    public static Role of(String text) {
        for (Role r : values()) {
            if (r.text().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) return r;
        }
        throw new IllegalArgumentException("unknown role '" + text + "': use one of "
                + Arrays.stream(values()).map(Role::text).collect(Collectors.joining(", ")));
    }
}
