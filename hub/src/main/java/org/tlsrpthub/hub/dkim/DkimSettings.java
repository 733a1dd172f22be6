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
        return org.tlsrpthub.hub.net.HostPort.resolver("dns.resolver", v);
    }

    /** The verifier these settings ask for; null when the policy is off. */
    public DkimVerification verification() {
        return policy == DkimPolicy.OFF ? null : new DkimVerification(DnsKeyRetriever.using(resolver));
    }
}
