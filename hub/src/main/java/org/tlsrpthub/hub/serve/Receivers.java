package org.tlsrpthub.hub.serve;

import org.tlsrpthub.hub.intake.MailReceivers;
import java.util.List;

/**
 * The receivers {@code serve} runs besides HTTP, built from the settings: the SMTP listener, the IMAP
 * pollers and the Maildir watcher, each only when configured.
 */
public final class Receivers {
    private Receivers() {}

    public static List<Receiver> fromSettings(Hub.Services services) {
        return MailReceivers.from(services);
    }
}
