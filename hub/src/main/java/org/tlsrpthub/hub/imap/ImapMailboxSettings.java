package org.tlsrpthub.hub.imap;

import java.nio.file.Path;
import java.util.Locale;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * One polled mailbox: the keys {@code imap.<name>.*} (listed in docs/receiving.md).
 *
 * @param name             the section name in {@code imap.<name>.host}
 * @param tls              none, starttls or tls (default tls)
 * @param port             default 993 for tls, else 143
 * @param password         read from {@code password-env} or {@code password-file}, never the config file
 * @param folder           the folder reports arrive in (default INBOX)
 * @param archiveFolder    where processed messages are moved; null: flag them \Seen + {@link #PROCESSED_KEYWORD} instead
 * @param quarantineFolder where messages the store quarantined are moved; null: flag them like archived ones
 * @param pollSeconds      how often to look when the server has no IDLE, and the longest IDLE wait (default 60)
 * @param trustCertificate PEM certificate(s) to trust instead of the public roots (private CA,
 *                         self-signed server); null: the JDK's trust store
 */
public record ImapMailboxSettings(String name, String host, int port, ImapTls tls, String user, String password,
        String folder, String archiveFolder, String quarantineFolder, int pollSeconds, Path trustCertificate) {

    /** IMAP keyword (RFC 3501 §2.3.2) marking messages already taken when there is no archive folder. */
    public static final String PROCESSED_KEYWORD = "TlsrptHubProcessed";
    /** Added beside the processed keyword when the store quarantined the message and there is no quarantine folder. */
    public static final String QUARANTINED_KEYWORD = "TlsrptHubQuarantined";

    public static ImapMailboxSettings from(Settings s, String name) {
        String p = "imap." + name + ".";
        String host = s.get(p + "host");
        if (host == null) throw new SettingsException(p + "host is required");
        String user = s.get(p + "user");
        if (user == null) throw new SettingsException(p + "user is required");
        String password = s.secret(p + "password");
        if (password == null) throw new SettingsException(p + "password-env or " + p + "password-file is required");
        ImapTls tls = ImapTls.valueOf(s.getChoice(p + "tls", "tls", "none", "starttls", "tls").toUpperCase(Locale.ROOT));
        int pollSeconds = s.getInt(p + "poll-seconds", 60);
        if (pollSeconds < 1) throw new SettingsException(p + "poll-seconds must be at least 1");
        return new ImapMailboxSettings(name, host, s.getInt(p + "port", tls == ImapTls.TLS ? 993 : 143), tls, user, password,
                s.get(p + "folder", "INBOX"), s.get(p + "archive-folder"), s.get(p + "quarantine-folder"), pollSeconds,
                s.get(p + "trust-certificate") == null ? null : Path.of(s.get(p + "trust-certificate")));
    }

    @Override
    public String toString() {
        // Never print the password.
        return "imap." + name + " (" + user + "@" + host + ":" + port + "/" + folder + ", " + tls + ")";
    }
}
