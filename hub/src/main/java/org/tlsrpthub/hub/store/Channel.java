package org.tlsrpthub.hub.store;

import java.util.Locale;

/** How an input reached the hub. */
public enum Channel {
    FILE, HTTPS, SMTP, IMAP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
