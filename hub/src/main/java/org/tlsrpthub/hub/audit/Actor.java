package org.tlsrpthub.hub.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * Who acts, from where, and in which organisation, as the audit log records it.
 *
 * @param name    a user name, a token id, {@code cli:<os user>}, {@code system}, or the name typed
 *                in a failed sign-in
 * @param kind    what {@code name} is
 * @param address the client's IP address, or {@code local} for the command line and the hub itself
 * @param org     the organisation the actor works in (an entry's default); null when hub-wide
 */
public record Actor(String name, Kind kind, String address, String org) {
    /** Names typed by strangers are cut here: a sign-in form's field is no place for a novel. */
    static final int MAX_TYPED_NAME = 100;
    public static final String LOCAL = "local";

    public enum Kind {
        USER, TOKEN, CLI, SYSTEM,
        /** A name typed in a failed sign-in: nobody proved it, and it may not exist. */
        UNVERIFIED;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    public static Actor user(String name, String address, String org) {
        return new Actor(name, Kind.USER, address, org);
    }

    public static Actor token(String tokenId, String address, String org) {
        return new Actor(tokenId, Kind.TOKEN, address, org);
    }

    /** The command line on the hub's machine, named by the operating-system user running it. */
    public static Actor cli() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), Kind.CLI, LOCAL, null);
    }

    /** The hub itself: background jobs, the demo, and setup code that acts for nobody in particular. */
    public static Actor system() {
        return new Actor("system", Kind.SYSTEM, LOCAL, null);
    }

    /** Someone who failed to sign in as {@code typedName} (null when they typed nothing). */
    public static Actor unverified(String typedName, String address) {
        String n = typedName == null ? "" : typedName.strip();
        if (n.length() > MAX_TYPED_NAME) n = n.substring(0, MAX_TYPED_NAME) + "…";
        return new Actor(n, Kind.UNVERIFIED, address, null);
    }

    /** The same actor working in another organisation (null: hub-wide). */
    public Actor in(String otherOrg) {
        return new Actor(name, kind, address, otherOrg);
    }
}
