package org.tlsrpthub.hub.hosting;

import java.nio.file.Path;
import java.util.Optional;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * The HTTPS listener that serves only the policy file (docs/policy-hosting.md "Serving").
 *
 * @param bind         address ({@code mta-sts.https.bind}, default 127.0.0.1: senders reach it only once set)
 * @param port         port ({@code mta-sts.https.port}; senders fetch from 443; 0 picks a free one)
 * @param certificates directory of {@code mta-sts.DOMAIN.crt} / {@code .key} pairs ({@code mta-sts.certificates})
 */
public record PolicyListenerSettings(String bind, int port, Path certificates) {

    /** Empty when the listener is off: neither key set. Setting one without the other stops the start. */
    public static Optional<PolicyListenerSettings> from(Settings s) {
        String port = s.get("mta-sts.https.port");
        String dir = s.get("mta-sts.certificates");
        if (port == null && dir == null) return Optional.empty();
        if (dir == null) throw new SettingsException("mta-sts.https.port is set but mta-sts.certificates is not: "
                + "name the directory of the mta-sts.DOMAIN.crt and .key pairs to serve");
        if (port == null) throw new SettingsException("mta-sts.certificates is set but mta-sts.https.port is not: "
                + "set the port to serve the policies on (443, or one the firewall forwards 443 to)");
        int p = s.getInt("mta-sts.https.port", 443);
        if (p < 0 || p > 65535) throw new SettingsException("mta-sts.https.port must be 0 to 65535, not " + p);
        return Optional.of(new PolicyListenerSettings(s.get("mta-sts.https.bind", "127.0.0.1"), p, Path.of(dir)));
    }
}
