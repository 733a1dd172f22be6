package org.tlsrpthub.hub.imap;

import java.time.Clock;
import org.tlsrpthub.hub.alerts.ReceiverFailures;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.serve.Receiver;

/** Polls every configured mailbox, one thread each. */
public final class ImapReceiver implements Receiver {
    private final ImapSettings settings;
    private final MailIntake intake;
    private final Clock clock;
    private final ReceiverFailures health;
    private final List<MailboxPoller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** @param health where a poller records that it fails and works again (the intake alert rule) */
    public ImapReceiver(ImapSettings settings, MailIntake intake, Clock clock, ReceiverFailures health) {
        this.health = health;
        this.settings = settings;
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "imap " + String.join(",", settings.mailboxes().stream().map(ImapMailboxSettings::name).toList());
    }

    @Override
    public synchronized void start() {
        if (!threads.isEmpty()) return;
        for (ImapMailboxSettings m : settings.mailboxes()) {
            MailboxPoller p = new MailboxPoller(m, intake, clock, health);
            pollers.add(p);
            threads.add(Thread.ofPlatform().name("imap-" + m.name()).daemon(true).start(p));
        }
    }

    /** Inbox sweeps finished over all mailboxes. */
    synchronized long sweeps() {
        return pollers.stream().mapToLong(MailboxPoller::sweeps).sum();
    }

    /** Connections or sessions that ended in an error, over all mailboxes. */
    synchronized long failures() {
        return pollers.stream().mapToLong(MailboxPoller::failures).sum();
    }

    /** Stops the pollers; a message being stored is finished first (its commit is not interrupted). */
    @Override
    public synchronized void close() {
        pollers.forEach(MailboxPoller::close);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pollers.clear();
        threads.clear();
    }
}
