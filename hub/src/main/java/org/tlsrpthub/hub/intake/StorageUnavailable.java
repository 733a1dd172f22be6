package org.tlsrpthub.hub.intake;

/**
 * The message could not be taken now but may be later (the database failed, or a DKIM key lookup
 * failed under dkim.policy=require). The receiver answers with a temporary failure (SMTP 451) or
 * leaves the message where it is (IMAP, Maildir), so it arrives again.
 */
public final class StorageUnavailable extends Exception {
    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
