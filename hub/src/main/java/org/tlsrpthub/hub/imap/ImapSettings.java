package org.tlsrpthub.hub.imap;

import java.util.List;
import org.tlsrpthub.hub.config.Settings;

/** Every configured mailbox ({@code imap.<name>.*}); empty when none is configured. */
public record ImapSettings(List<ImapMailboxSettings> mailboxes) {

    public ImapSettings {
        mailboxes = List.copyOf(mailboxes);
    }

    public static ImapSettings from(Settings s) {
        return new ImapSettings(s.names("imap").stream().map(n -> ImapMailboxSettings.from(s, n)).toList());
    }
}
