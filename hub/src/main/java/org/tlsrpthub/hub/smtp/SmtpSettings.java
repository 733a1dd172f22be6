package org.tlsrpthub.hub.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * The SMTP listener's settings (keys {@code smtp.*}, listed in docs/receiving.md).
 *
 * @param enabled          {@code smtp.enabled}: whether serve starts the listener (default: true when
 *                         {@code smtp.port} is set, since setting a port means wanting a listener; else false)
 * @param bind             {@code smtp.bind}: address to listen on (default 127.0.0.1: listening on the
 *                         internet is a decision, so it takes {@code smtp.bind = 0.0.0.0} or an address)
 * @param port             {@code smtp.port}: 0 picks a free port (default 25)
 * @param hostName         {@code smtp.hostname}: name in the greeting (default: the machine's host name)
 * @param tlsCertificate   {@code smtp.tls.certificate}: PEM chain; with the key, STARTTLS is offered
 * @param tlsKey           {@code smtp.tls.key}: PEM PKCS#8 private key
 * @param requireTls       {@code smtp.require-tls}: refuse mail before STARTTLS (default false, RFC 8460 §5.3.1)
 * @param maxMessageBytes  {@code smtp.max-message-bytes}: advertised SIZE and enforced cap (default 10 MiB)
 * @param recipients       {@code smtp.recipients}: accepted addresses or domains, or {@code *} for all;
 *                         required, so that the listener is never an open mail sink by default
 * @param noReport         {@code smtp.no-report}: quarantine or reject mail without a report (default quarantine)
 * @param maxConnections   {@code smtp.max-connections}: concurrent sessions (default 1000)
 * @param timeoutSeconds   {@code smtp.timeout-seconds}: idle time before a silent client is dropped (default 60)
 * @param maxConnectionsPerAddress {@code smtp.max-connections-per-address}: concurrent sessions from one
 *                         client address, beyond which it gets 421 (default 20; 0 = no limit)
 * @param ratePerMinute    {@code smtp.rate-limit.per-minute}: messages per client address per minute,
 *                         beyond which MAIL gets 451 (default 600; 0 = off)
 * @param rateBurst        {@code smtp.rate-limit.burst}: how many may come at once (default = per-minute)
 */
public record SmtpSettings(boolean enabled, InetAddress bind, int port, String hostName, Path tlsCertificate,
        Path tlsKey, boolean requireTls, int maxMessageBytes, List<String> recipients, NoReportAction noReport,
        int maxConnections, int timeoutSeconds, int maxConnectionsPerAddress, int ratePerMinute, int rateBurst) {

    public SmtpSettings {
        recipients = List.copyOf(recipients);
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new SettingsException("smtp.tls.certificate and smtp.tls.key must be set together");
        }
        if (requireTls && tlsCertificate == null) {
            throw new SettingsException("smtp.require-tls needs smtp.tls.certificate and smtp.tls.key");
        }
    }

    public static SmtpSettings from(Settings s) {
        String bind = s.get("smtp.bind", "127.0.0.1");
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new SettingsException("smtp.bind: unknown address " + bind);
        }
        String cert = s.get("smtp.tls.certificate");
        String key = s.get("smtp.tls.key");
        boolean enabled = s.getBoolean("smtp.enabled", s.get("smtp.port") != null);
        List<String> recipients = s.getList("smtp.recipients");
        if (enabled && recipients.isEmpty()) {
            throw new SettingsException("smtp.recipients is not set: name the addresses or domains the SMTP listener"
                    + " takes mail for (e.g. smtp.recipients = tlsrpt@reports.example.com), or * for every"
                    + " recipient behind a relay that already filters");
        }
        int perMinute = s.getInt("smtp.rate-limit.per-minute", 600);
        return new SmtpSettings(
                enabled,
                address,
                s.getInt("smtp.port", 25),
                s.get("smtp.hostname", MachineName.get()),
                cert == null ? null : Path.of(cert),
                key == null ? null : Path.of(key),
                s.getBoolean("smtp.require-tls", false),
                s.getInt("smtp.max-message-bytes", 10 * 1024 * 1024),
                recipients,
                NoReportAction.valueOf(s.getChoice("smtp.no-report", "quarantine", "quarantine", "reject")
                        .toUpperCase(Locale.ROOT)),
                s.getInt("smtp.max-connections", 1000),
                s.getInt("smtp.timeout-seconds", 60),
                s.getInt("smtp.max-connections-per-address", 20),
                perMinute,
                s.getInt("smtp.rate-limit.burst", Math.max(1, perMinute)));
    }

    public boolean offersTls() {
        return tlsCertificate != null;
    }
}
