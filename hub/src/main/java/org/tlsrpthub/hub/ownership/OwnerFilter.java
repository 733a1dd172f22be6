package org.tlsrpthub.hub.ownership;

import java.util.Locale;

/** The overview's ownership filters: "my domains" and "unowned domains". */
public enum OwnerFilter {
    /** The domains the signed-in user owns. */
    MINE,
    /** The organisation's domains that nobody owns. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code mine} or {@code none}; null or empty for no filter. */
    public static OwnerFilter of(String id) {
        if (id == null || id.isBlank()) return null;
        for (OwnerFilter f : values()) if (f.id().equals(id.strip().toLowerCase(Locale.ROOT))) return f;
        throw OwnershipException.bad("owner filter '" + id + "' is not mine or none");
    }
}
