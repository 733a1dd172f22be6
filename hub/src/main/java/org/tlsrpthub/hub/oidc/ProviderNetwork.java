package org.tlsrpthub.hub.oidc;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.net.AddressKind;

/**
 * Which provider addresses the hub talks to. A discovery document names further URLs (keys, token
 * endpoint) that the hub then fetches, so a wrong or hostile document must not turn the hub into a
 * client of its own network: by default only https to public addresses.
 *
 * @param allowLoopback       also plain http, and only to loopback addresses ({@code oidc.allow-loopback}: a
 *                            provider on the same machine, or tests)
 * @param allowPrivateNetwork also private, link-local and unique-local addresses, still over https
 *                            ({@code oidc.allow-private-network}: a provider inside the company network)
 */
public record ProviderNetwork(boolean allowLoopback, boolean allowPrivateNetwork) {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** Refuses a URL the hub would never fetch, naming {@code what} (a setting or a discovery field). */
    void checkScheme(String what, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) return;
        if (scheme.equals("http") && allowLoopback && isLoopbackName(url.getHost())) return;
        throw new SettingsException(what + " = " + url + " must be an https URL" + (allowLoopback ? "" : " (plain http only for "
                + "a loopback provider with oidc.allow-loopback = true)"));
    }

    /** Resolves the URL's host and refuses it unless every address is one the settings allow. */
    void checkAddresses(String what, URI url) throws ProviderException {
        checkSchemeOrThrow(what, url);
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw ProviderException.unavailable(what + ": the host " + url.getHost() + " does not resolve");
        }
        boolean plain = "http".equalsIgnoreCase(url.getScheme());
        for (InetAddress a : all) {
            String why = plain && !a.isLoopbackAddress() ? "not a loopback address, and plain http goes only to one" : refusal(a);
            if (why != null) {
                throw ProviderException.misconfigured(what + " " + url + ": " + url.getHost() + " is " + a.getHostAddress()
                        + ", " + why);
            }
        }
    }

    private void checkSchemeOrThrow(String what, URI url) throws ProviderException {
        try {
            checkScheme(what, url);
        } catch (SettingsException e) {
            throw ProviderException.misconfigured(e.getMessage());
        }
    }

    /** Why the hub will not connect to {@code a}, or null when it may. */
    String refusal(InetAddress a) {
        if (a.isLoopbackAddress()) return allowLoopback ? null : "a loopback address (allowed only with oidc.allow-loopback = true)";
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) return "not an address a provider can have";
        if (isPrivate(a)) return allowPrivateNetwork ? null : "a private-network address (allowed only with oidc.allow-private-network = true)";
        return null;
    }

    private static boolean isPrivate(InetAddress a) {
        return switch (AddressKind.of(a)) {
            case PRIVATE, LINK_LOCAL, SHARED, UNSPECIFIED -> true;
            default -> false;
        };
    }

    /** Judged by the name alone; {@link #checkAddresses} then requires every resolved address to be loopback too. */
    private static boolean isLoopbackName(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }
}
