package org.tlsrpthub.hub.imap;

import org.tlsrpthub.hub.alerts.ReceiverFailures;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.intake.StorageUnavailable;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * Reads one mailbox: takes every message not yet processed, stores it, and only then moves it
 * away. Waits with IDLE (RFC 2177) when the server has it, else polls; on any error it reconnects
 * after a pause. A message is never deleted or moved before its commit.
 */
final class MailboxPoller implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final Flags PROCESSED = new Flags(ImapMailboxSettings.PROCESSED_KEYWORD);

    private final ImapMailboxSettings settings;
    private final MailIntake intake;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("imap-timer").daemon(true).factory());
    private final Object lock = new Object();
    private volatile boolean closed;
    private final ReceiverFailures health;
    private volatile IMAPStore store;
    /** Sweeps of the inbox finished, so that a caller can wait for one instead of guessing a time. */
    private final java.util.concurrent.atomic.AtomicLong sweeps = new java.util.concurrent.atomic.AtomicLong();
    /** Connections or sessions that ended in an error, for the same reason. */
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    MailboxPoller(ImapMailboxSettings settings, MailIntake intake, Clock clock, ReceiverFailures health) {
        this.health = health;
        this.settings = settings;
        this.intake = intake;
        this.clock = clock;
    }

    /** The receiver's name in the intake rule's incidents. */
    String name() {
        return "imap " + settings.name();
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                serve();
            } catch (MessagingException | RuntimeException e) {
                if (closed) break;
                failures.incrementAndGet();
                health.failed(name(), e.getMessage());
                log.warn("{}: {}; reconnecting in {} s", settings, e.getMessage(), Math.min(settings.pollSeconds(), 30));
            } finally {
                closeStore();
            }
            pause(Math.min(settings.pollSeconds(), 30));
        }
        timer.shutdownNow();
    }

    private void serve() throws MessagingException {
        Session session = Session.getInstance(properties());
        IMAPStore s = (IMAPStore) session.getStore(settings.tls() == ImapTls.TLS ? "imaps" : "imap");
        store = s;
        s.connect(settings.host(), settings.port(), settings.user(), settings.password());
        IMAPFolder inbox = (IMAPFolder) s.getFolder(settings.folder());
        inbox.open(Folder.READ_WRITE);
        MessageDisposal disposal = new MessageDisposal(s, inbox, ensure(s, settings.archiveFolder()),
                ensure(s, settings.quarantineFolder()));
        boolean idle = s.hasCapability("IDLE");
        log.info("{}: connected; waiting with {}", settings, idle ? "IDLE" : "polling every " + settings.pollSeconds() + " s");
        while (!closed) {
            sweep(inbox, disposal);
            sweeps.incrementAndGet();
            health.succeeded(name());
            if (closed) return;
            if (idle) {
                idleUntilNews(inbox);
            } else {
                pause(settings.pollSeconds());
                if (!inbox.isOpen()) return;
            }
        }
    }

    /** Processes every message without the processed keyword. Stops at the first storage failure (kept for next time). */
    private void sweep(IMAPFolder inbox, MessageDisposal disposal) throws MessagingException {
        Message[] pending = inbox.search(new FlagTerm(PROCESSED, false));
        // UIDs in one round trip: they name each message in the provenance and the logs.
        FetchProfile fp = new FetchProfile();
        fp.add(jakarta.mail.UIDFolder.FetchProfileItem.UID);
        inbox.fetch(pending, fp);
        for (Message m : pending) {
            if (closed) return;
            if (m.isExpunged()) continue;
            long uid = inbox.getUID(m);
            byte[] raw = bytes(m);
            MailIntake.Delivery d;
            try {
                d = intake.deliver(raw, new Provenance(Channel.IMAP, clock.instant(),
                        "imap://" + settings.user() + "@" + settings.host() + "/" + settings.folder() + ";uid=" + uid, null, null));
            } catch (StorageUnavailable e) {
                log.warn("{}: uid {} left in place: {}", settings, uid, e.getMessage());
                return;
            }
            disposal.done(m, d.quarantined());
            log.info("{}: uid {}: {}", settings, uid, d.logLine());
        }
    }

    /**
     * IDLE until the server reports a change, or at most poll-seconds: a timer then issues a NOOP,
     * which ends the IDLE, so a missed notification or a storage failure is retried in time.
     */
    private void idleUntilNews(IMAPFolder inbox) throws MessagingException {
        ScheduledFuture<?> wake = timer.schedule(() -> {
            try {
                inbox.doCommand(p -> {
                    p.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException ignored) {
                // the poller's own loop sees a broken connection and reconnects
            }
        }, settings.pollSeconds(), TimeUnit.SECONDS);
        try {
            inbox.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    private static Folder ensure(IMAPStore s, String name) throws MessagingException {
        if (name == null) return null;
        Folder f = s.getFolder(name);
        if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the folder " + name);
        }
        return f;
    }

    private static byte[] bytes(Message m) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message", e);
        }
        return out.toByteArray();
    }

    private Properties properties() {
        Properties p = new Properties();
        String proto = settings.tls() == ImapTls.TLS ? "imaps" : "imap";
        p.put("mail." + proto + ".connectiontimeout", "20000");
        p.put("mail." + proto + ".timeout", "120000");
        // Fetch the whole message in one go: report mails are small, and partial fetches would cost round trips.
        p.put("mail." + proto + ".partialfetch", "false");
        // BODY.PEEK: reading a message must not mark it \Seen before its commit (RFC 3501 §6.4.5).
        p.put("mail." + proto + ".peek", "true");
        if (settings.tls() == ImapTls.STARTTLS) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        if (settings.tls() != ImapTls.NONE) {
            // Certificates are checked, host name included (RFC 8314 §4.4 for implicit TLS, RFC 3501 §11.1).
            p.put("mail." + proto + ".ssl.checkserveridentity", "true");
            if (settings.trustCertificate() != null) {
                p.put("mail." + proto + ".ssl.socketFactory", PemTls.trusting(settings.trustCertificate()).getSocketFactory());
            }
        }
        return p;
    }

    private void pause(int seconds) {
        synchronized (lock) {
            if (closed) return;
            try {
                lock.wait(seconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    long sweeps() {
        return sweeps.get();
    }

    long failures() {
        return failures.get();
    }

    void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        closeStore();
    }

    private void closeStore() {
        IMAPStore s = store;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException ignored) {
                // closing a broken connection: nothing more to do
            }
        }
    }
}
