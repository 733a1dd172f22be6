package org.tlsrpthub.hub.checks;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.net.HostPort;
import org.tlsrpthub.hub.net.OutboundGuard;

/**
 * Where and how a live check connects. From the {@code checks.*} settings ({@link #from}); the
 * {@code check} command's options override them.
 *
 * @param resolver        DNS server to ask, null for the system's ({@code checks.resolver}, else {@code dns.resolver})
 * @param smtpPort        port of the STARTTLS probes ({@code checks.smtp-port}, 25)
 * @param httpsPort       port of the MTA-STS policy fetch ({@code checks.https-port}, 443)
 * @param caFile          PEM certificates trusted besides the JDK's roots ({@code checks.ca-file}), read once here
 * @param allowPrivate    loopback and private targets are allowed ({@code checks.allow-private}, false)
 * @param expiresSoonDays a certificate expiring within this many days is a finding ({@code checks.expires-soon-days}, 21)
 * @param connectTimeout  one TCP connection ({@code checks.connect-timeout-seconds}, 10)
 * @param readTimeout     the whole exchange after connecting: handshake, request, answer ({@code checks.read-timeout-seconds}, 20)
 * @param dnsTimeout      one DNS question ({@code checks.dns-timeout-seconds}, 5)
 * @param hub             where reports reach this hub, for "rua reaches this hub" and the record to publish
 */
public record CheckOptions(InetSocketAddress resolver, int smtpPort, int httpsPort, CaFile caFile, boolean allowPrivate,
                           int expiresSoonDays, Duration connectTimeout, Duration readTimeout, Duration dnsTimeout,
                           HubDestinations hub) {

    /** How refusals name the switch that lifts them. */
    public static final String ALLOW_PRIVATE = "checks.allow-private / --allow-private";

    public CheckOptions {
        port("smtp-port", smtpPort);
        port("https-port", httpsPort);
        if (caFile == null) caFile = CaFile.NONE;
        if (expiresSoonDays < 0) throw new SettingsException("checks.expires-soon-days must not be negative: " + expiresSoonDays);
        positive("connect-timeout-seconds", connectTimeout);
        positive("read-timeout-seconds", readTimeout);
        positive("dns-timeout-seconds", dnsTimeout);
    }

    /** With the CA file read from {@code caFile} (null for none). */
    public CheckOptions(InetSocketAddress resolver, int smtpPort, int httpsPort, Path caFile, boolean allowPrivate,
                        int expiresSoonDays, Duration connectTimeout, Duration readTimeout, Duration dnsTimeout, HubDestinations hub) {
        this(resolver, smtpPort, httpsPort, CaFile.read(caFile), allowPrivate, expiresSoonDays, connectTimeout, readTimeout,
                dnsTimeout, hub);
    }

    public static CheckOptions from(Settings s) {
        String resolver = s.get("checks.resolver");
        String caFile = s.get("checks.ca-file");
        return new CheckOptions(
                resolver != null ? HostPort.resolver("checks.resolver", resolver) : HostPort.resolver("dns.resolver", s.get("dns.resolver")),
                s.getInt("checks.smtp-port", 25), s.getInt("checks.https-port", 443),
                caFile == null ? null : Path.of(caFile), s.getBoolean("checks.allow-private", false),
                s.getInt("checks.expires-soon-days", 21),
                Duration.ofSeconds(s.getLong("checks.connect-timeout-seconds", 10)),
                Duration.ofSeconds(s.getLong("checks.read-timeout-seconds", 20)),
                Duration.ofSeconds(s.getLong("checks.dns-timeout-seconds", 5)),
                HubDestinations.from(s));
    }

    public OutboundGuard guard() {
        return new OutboundGuard(allowPrivate, ALLOW_PRIVATE);
    }

    public LiveDns dns() {
        return LiveDns.using(resolver, dnsTimeout);
    }

    public CheckOptions withResolver(InetSocketAddress r) {
        return new CheckOptions(r, smtpPort, httpsPort, caFile, allowPrivate, expiresSoonDays, connectTimeout, readTimeout, dnsTimeout, hub);
    }

    public CheckOptions withPorts(int smtp, int https) {
        return new CheckOptions(resolver, smtp, https, caFile, allowPrivate, expiresSoonDays, connectTimeout, readTimeout, dnsTimeout, hub);
    }

    public CheckOptions withCaFile(Path ca) {
        return new CheckOptions(resolver, smtpPort, httpsPort, CaFile.read(ca), allowPrivate, expiresSoonDays, connectTimeout, readTimeout, dnsTimeout, hub);
    }

    public CheckOptions withAllowPrivate(boolean allow) {
        return new CheckOptions(resolver, smtpPort, httpsPort, caFile, allow, expiresSoonDays, connectTimeout, readTimeout, dnsTimeout, hub);
    }

    public CheckOptions withTimeouts(Duration connect, Duration read) {
        return new CheckOptions(resolver, smtpPort, httpsPort, caFile, allowPrivate, expiresSoonDays, connect, read, dnsTimeout, hub);
    }

    public CheckOptions withHub(HubDestinations h) {
        return new CheckOptions(resolver, smtpPort, httpsPort, caFile, allowPrivate, expiresSoonDays, connectTimeout, readTimeout, dnsTimeout, h);
    }

    private static void port(String key, int p) {
        if (p < 1 || p > 65535) throw new SettingsException("checks." + key + " must be a port (1-65535): " + p);
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) throw new SettingsException("checks." + key + " must be at least 1");
    }
}
