package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A change between two consecutive checks of a domain: what the alert rules consume.
 *
 * @param id       increasing: read on with {@code CheckEvents.since(id, …)}; 0 until stored
 * @param at       when the check that showed the change was taken
 * @param subject  the finding's subject, or the MX host, or the {@code _mta-sts} name
 * @param finding  the finding id for {@link Kind#FINDING_APPEARED} and {@link Kind#FINDING_CLEARED}, else null
 * @param severity that finding's severity, else null
 * @param detail   plain words with the values before and after
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckEvent(long id, String domain, Instant at, Kind kind, String subject, String finding,
                         FindingSeverity severity, String detail) {

    public enum Kind {
        FINDING_APPEARED, FINDING_CLEARED, CERTIFICATE_RENEWED, POLICY_ID_CHANGED, MX_SET_CHANGED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Kind of(String id) {
            for (Kind k : values()) if (k.id().equals(id)) return k;
            throw new IllegalArgumentException("unknown check event kind '" + id + "'");
        }
    }
}
