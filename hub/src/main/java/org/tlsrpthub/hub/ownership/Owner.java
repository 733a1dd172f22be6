package org.tlsrpthub.hub.ownership;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One owner of a domain.
 *
 * @param kind  a user of the domain's organisation, or a group email address
 * @param name  the user name, or the address
 * @param email where alerts reach this owner; null for a user who has not given one
 */
public record Owner(Kind kind, String name, String email) {
    public enum Kind {
        USER, EMAIL;

        /** As stored, typed and shown (and in JSON): {@code user}, {@code email}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String id) {
            for (Kind k : values()) if (k.id().equals(id == null ? null : id.strip().toLowerCase(Locale.ROOT))) return k;
            throw OwnershipException.bad("owner kind '" + id + "' is not user or email");
        }
    }
}
