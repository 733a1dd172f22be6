package org.tlsrpthub.hub.intake;

import org.tlsrpthub.hub.alerts.ReceiverFailures;
import org.tlsrpthub.hub.jobs.JobSettings;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.dkim.DkimSettings;
import org.tlsrpthub.hub.imap.ImapReceiver;
import org.tlsrpthub.hub.imap.ImapSettings;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.junk.JunkSettings;
import org.tlsrpthub.hub.maildir.MaildirReceiver;
import org.tlsrpthub.hub.maildir.MaildirSettings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.serve.Receiver;
import org.tlsrpthub.hub.smtp.SmtpReceiver;
import org.tlsrpthub.hub.smtp.SmtpSettings;

/**
 * The mail receivers the settings ask for (SMTP when {@code smtp.enabled}, one IMAP poller per
 * {@code imap.<name>} section, the Maildir when {@code maildir.path} is set), sharing one mail
 * intake over the hub's group committer. For {@code new Hub(settings, db, clock, MailReceivers::from)}.
 */
public final class MailReceivers {
    private MailReceivers() {}

    public static List<Receiver> from(Hub.Services s) {
        MailIntake intake = new MailIntake(s.ingest(), s.committer(), DkimSettings.from(s.settings()));
        List<Receiver> out = new ArrayList<>();
        SmtpSettings smtp = SmtpSettings.from(s.settings());
        if (smtp.enabled()) {
            JunkQuarantine junk = new JunkQuarantine(JunkSettings.from(s.settings()), s.db(), s.clock());
            out.add(new SmtpReceiver(smtp, intake, junk, s.clock()));
        }
        ImapSettings imap = ImapSettings.from(s.settings());
        if (!imap.mailboxes().isEmpty()) out.add(new ImapReceiver(imap, intake, s.clock(),
                new ReceiverFailures(s.db(), s.clock(), JobSettings.from(s.settings()).nodeName())));
        MaildirSettings maildir = MaildirSettings.from(s.settings());
        if (maildir.enabled()) out.add(new MaildirReceiver(maildir, intake, s.clock()));
        return out;
    }
}
