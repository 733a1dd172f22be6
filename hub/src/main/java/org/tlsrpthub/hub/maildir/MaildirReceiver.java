package org.tlsrpthub.hub.maildir;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.serve.Receiver;
import org.tlsrpthub.hub.intake.StorageUnavailable;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;

/**
 * Takes report mail that a local MTA delivers into a Maildir. Each file in new/ is stored, and
 * only after the commit moved to cur/ (or, when the store quarantined it, to the quarantine
 * sub-folder). A crash between the two leaves the file in new/, to be read again as a duplicate.
 * A WatchService reacts to new files at once; a periodic rescan catches what it misses (overflow,
 * network file systems) and retries after a storage failure.
 */
public final class MaildirReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(MaildirReceiver.class);

    private final MaildirSettings settings;
    private final MailIntake intake;
    private final Clock clock;
    private final Maildir maildir;
    private WatchService watch;
    private Thread thread;
    private volatile boolean closed;
    /** Scans of new/ finished, so that a caller can wait for one instead of guessing a time. */
    private final java.util.concurrent.atomic.AtomicLong scans = new java.util.concurrent.atomic.AtomicLong();

    public MaildirReceiver(MaildirSettings settings, MailIntake intake, Clock clock) {
        if (!settings.enabled()) throw new IllegalArgumentException("maildir.path is not set");
        this.settings = settings;
        this.intake = intake;
        this.clock = clock;
        this.maildir = new Maildir(settings.path());
    }

    @Override
    public String name() {
        return "maildir " + settings.path();
    }

    @Override
    public synchronized void start() throws IOException {
        if (thread != null) return;
        maildir.create();
        watch = maildir.root().getFileSystem().newWatchService();
        maildir.newDir().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = Thread.ofPlatform().name("maildir").daemon(true).start(this::run);
    }

    private void run() {
        while (!closed) {
            try {
                scan();
                scans.incrementAndGet();
                WatchKey key = watch.poll(settings.rescanSeconds(), TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("maildir {}: {}", settings.path(), e.toString());
                sleepQuietly();
            }
        }
    }

    /** Stores every file in new/; stops at the first storage failure and leaves the rest for the next scan. */
    void scan() throws IOException {
        for (Path file : maildir.waiting()) {
            if (closed) return;
            byte[] raw;
            try {
                raw = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                continue; // taken by someone else meanwhile
            }
            MailIntake.Delivery d;
            try {
                d = intake.deliver(raw, new Provenance(Channel.FILE, clock.instant(), "maildir:" + file, null, null));
            } catch (StorageUnavailable e) {
                log.warn("maildir {}: {} left in new/: {}", settings.path(), file.getFileName(), e.getMessage());
                return;
            }
            log.info("maildir {}: {}: {}", settings.path(), file.getFileName(), d.logLine());
            if (d.quarantined()) {
                maildir.moveAside(file, settings.quarantineName());
            } else {
                maildir.markSeen(file);
            }
        }
    }

    long scans() {
        return scans.get();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread == null) return;
        try {
            watch.close();
            thread.join(30_000);
        } catch (IOException e) {
            log.warn("maildir {}: closing the watch: {}", settings.path(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
