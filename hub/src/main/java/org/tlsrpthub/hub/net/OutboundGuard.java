package org.tlsrpthub.hub.net;

import java.net.InetAddress;

/**
 * Which addresses an outbound connection (live checks, webhooks) may go to. Checked on the address
 * actually connected to, after DNS resolution, for every address tried, so a name that resolves
 * (or re-resolves) to an internal address is refused too.
 *
 * @param allowPrivate also loopback, private, link-local and CGNAT addresses ({@code --allow-private},
 *                     for private deployments and tests); multicast and unspecified never
 * @param setting      the setting or option that allows them, named in refusals
 */
public record OutboundGuard(boolean allowPrivate, String setting) {

    public static OutboundGuard publicOnly(String setting) {
        return new OutboundGuard(false, setting);
    }

    /** Why the hub will not connect to {@code a}, or null when it may. */
    public String refusal(InetAddress a) {
        AddressKind kind = AddressKind.of(a);
        return switch (kind) {
            case PUBLIC -> null;
            case MULTICAST, UNSPECIFIED -> a.getHostAddress() + " is " + kind.words() + ", never a server";
            default -> allowPrivate ? null : a.getHostAddress() + " is " + kind.words() + " (allowed only with " + setting + ")";
        };
    }

    public boolean allows(InetAddress a) {
        return refusal(a) == null;
    }
}
