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
 * @param bind             {@code smtp.bind}: address to listen on (default 0.0.0.0)
 * @param port             {@code smtp.port}: 0 picks a free port (default 25)
 * @param hostName         {@code smtp.hostname}: name in the greeting (default: the local host name)
 * @param tlsCertificate   {@code smtp.tls.certificate}: PEM chain; with the key, STARTTLS is offered
 * @param tlsKey           {@code smtp.tls.key}: PEM PKCS#8 private key
 * @param requireTls       {@code smtp.require-tls}: refuse mail before STARTTLS (default false, RFC 8460 §5.3.1)
 * @param maxMessageBytes  {@code smtp.max-message-bytes}: advertised SIZE and enforced cap (default 10 MiB)
 * @param recipients       {@code smtp.recipients}: accepted addresses or domains (default: all)
 * @param noReport         {@code smtp.no-report}: quarantine or reject mail without a report (default quarantine)
 * @param maxConnections   {@code smtp.max-connections}: concurrent sessions (default 1000)
 * @param timeoutSeconds   {@code smtp.timeout-seconds}: idle time before a silent client is dropped (default 60)
 */
public record SmtpSettings(boolean enabled, InetAddress bind, int port, String hostName, Path tlsCertificate,
        Path tlsKey, boolean requireTls, int maxMessageBytes, List<String> recipients, NoReportAction noReport,
        int maxConnections, int timeoutSeconds) {

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
        String bind = s.get("smtp.bind", "0.0.0.0");
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new SettingsException("smtp.bind: unknown address " + bind);
        }
        String cert = s.get("smtp.tls.certificate");
        String key = s.get("smtp.tls.key");
        return new SmtpSettings(
                s.getBoolean("smtp.enabled", s.get("smtp.port") != null),
                address,
                s.getInt("smtp.port", 25),
                s.get("smtp.hostname"),
                cert == null ? null : Path.of(cert),
                key == null ? null : Path.of(key),
                s.getBoolean("smtp.require-tls", false),
                s.getInt("smtp.max-message-bytes", 10 * 1024 * 1024),
                s.getList("smtp.recipients"),
                NoReportAction.valueOf(s.getChoice("smtp.no-report", "quarantine", "quarantine", "reject")
                        .toUpperCase(Locale.ROOT)),
                s.getInt("smtp.max-connections", 1000),
                s.getInt("smtp.timeout-seconds", 60));
    }

    public boolean offersTls() {
        return tlsCertificate != null;
    }
}
