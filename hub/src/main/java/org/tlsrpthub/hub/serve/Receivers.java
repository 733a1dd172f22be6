package org.tlsrpthub.hub.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * The receivers {@code serve} runs besides HTTP, built from the settings: the place where the SMTP
 * listener, the IMAP pollers and the Maildir watcher (issue 4 §3–5) are added. None yet.
 */
public final class Receivers {
    private Receivers() {}

    public static List<Receiver> fromSettings(Hub.Services services) {
        List<Receiver> receivers = new ArrayList<>();
        // e.g. if (services.settings().get("smtp.port") != null) receivers.add(new SmtpReceiver(…, services.committer()));
        return receivers;
    }
}
