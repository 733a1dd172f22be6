package org.tlsrpthub.hub.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Takes a message out of the way once the store holds it: moved (RFC 6851 MOVE, else COPY then
 * delete), or flagged when no folder is configured. Only ever called after the commit, so the
 * worst a crash can do is leave a stored message in place, to be read again as a duplicate.
 */
final class MessageDisposal {
    private final IMAPFolder source;
    private final Folder archive;
    private final Folder quarantine;
    private final boolean canMove;

    MessageDisposal(IMAPStore store, IMAPFolder source, Folder archive, Folder quarantine) throws MessagingException {
        this.source = source;
        this.archive = archive;
        this.quarantine = quarantine;
        this.canMove = store.hasCapability("MOVE");
    }

    void done(Message m, boolean quarantined) throws MessagingException {
        Folder target = quarantined ? quarantine : archive;
        if (target == null) {
            Flags f = new Flags(Flags.Flag.SEEN);
            f.add(ImapMailboxSettings.PROCESSED_KEYWORD);
            if (quarantined) f.add(ImapMailboxSettings.QUARANTINED_KEYWORD);
            m.setFlags(f, true);
            return;
        }
        Message[] one = {m};
        if (canMove) {
            source.moveMessages(one, target);
        } else {
            source.copyMessages(one, target);
            m.setFlag(Flags.Flag.DELETED, true);
            source.expunge(one);
        }
    }
}
