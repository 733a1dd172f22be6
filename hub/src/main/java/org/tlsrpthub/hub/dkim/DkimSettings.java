package org.tlsrpthub.hub.dkim;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * DKIM settings: {@code dkim.policy = off|record|require} (default record) and
 * {@code dns.resolver = host:port} (default: the system's resolvers).
 */
public record DkimSettings(DkimPolicy policy, InetSocketAddress resolver) {

    public static DkimSettings from(Settings s) {
        DkimPolicy policy = DkimPolicy.valueOf(s.getChoice("dkim.policy", "record", "off", "record", "require")
                .toUpperCase(Locale.ROOT));
        return new DkimSettings(policy, resolver(s.get("dns.resolver")));
    }

    static InetSocketAddress resolver(String v) {
        if (v == null) return null;
        int colon = v.lastIndexOf(':');
        String host = v;
        int port = 53;
        if (colon > 0 && v.indexOf(':') == colon) {
            host = v.substring(0, colon);
            try {
                port = Integer.parseInt(v.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new SettingsException("dns.resolver: '" + v + "' is not host:port");
            }
        } else if (v.startsWith("[") && v.contains("]:")) {
            host = v.substring(1, v.indexOf(']'));
            port = Integer.parseInt(v.substring(v.indexOf("]:") + 2));
        }
        return new InetSocketAddress(host, port);
    }

    /** The verifier these settings ask for; null when the policy is off. */
    public DkimVerification verification() {
        return policy == DkimPolicy.OFF ? null : new DkimVerification(DnsKeyRetriever.using(resolver));
    }
}
