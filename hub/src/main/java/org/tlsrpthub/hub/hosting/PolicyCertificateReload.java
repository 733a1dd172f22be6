package org.tlsrpthub.hub.hosting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * Serves renewed policy-host certificates without a restart: every {@link #EVERY} it looks at the
 * {@code mta-sts.*} files of the certificates directory (name, size, modification time, links
 * followed, as certbot's live/ links are), and when they changed it loads them whole, as at start,
 * and hands them to the listener's TLS context; new handshakes get them, open connections keep
 * theirs. A set that does not load (a renewal half written: a certificate without its new key) is
 * refused with the reason logged, and the previous certificates stay in use until the files change again.
 */
final class PolicyCertificateReload implements AutoCloseable {
    /** At most once a minute: renewals happen days ahead of expiry, and listing the directory costs little. */
    static final Duration EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PolicyCertificateReload.class);

    /** What one look at the directory did. */
    enum Outcome { UNCHANGED, RELOADED, REFUSED }

    private final Path dir;
    private final SslContextFactory.Server tls;
    private volatile PolicyCertificates.Loaded current;
    private String seen;
    private ScheduledExecutorService timer;

    PolicyCertificateReload(Path dir, PolicyCertificates.Loaded loaded, SslContextFactory.Server tls) {
        this.dir = dir;
        this.tls = tls;
        this.current = loaded;
        this.seen = state(dir);
    }

    /** The certificates in use. */
    PolicyCertificates.Loaded current() {
        return current;
    }

    /** Looks every {@code every} from now until closed. */
    void start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("policy-certificates").factory());
        timer.scheduleWithFixedDelay(this::checkQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads the certificates again when their files changed since the last look. */
    synchronized Outcome check() {
        String now = state(dir);
        if (now.equals(seen)) return Outcome.UNCHANGED;
        seen = now;
        PolicyCertificates.Loaded loaded;
        try {
            loaded = PolicyCertificates.load(dir);
        } catch (SettingsException e) {
            log.warn("event=policy-certificates-refused reason=\"{}\" hint=\"the previous certificates are still served\"", e.getMessage());
            return Outcome.REFUSED;
        }
        try {
            tls.reload(f -> {
                f.setKeyStore(loaded.keyStore());
                f.setCertAlias(loaded.hosts().get(0));
            });
        } catch (Exception e) {
            log.warn("event=policy-certificates-refused reason=\"{}\" hint=\"the previous certificates are still served\"", e.toString());
            return Outcome.REFUSED;
        }
        current = loaded;
        log.info("event=policy-certificates-reloaded hosts=\"{}\"", String.join(",", loaded.hosts()));
        return Outcome.RELOADED;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // the timer must keep running: a directory that cannot be read now may be readable at the next look
            log.warn("event=policy-certificates-check-failed reason=\"{}\"", e.toString());
        }
    }

    /** The policy-host files as a renewal changes them: name, size and modification time of each, links followed. */
    static String state(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder b = new StringBuilder();
            List<Path> sorted = files.filter(f -> f.getFileName().toString().startsWith(PolicyHost.PREFIX)).sorted().toList();
            for (Path f : sorted) {
                b.append(f.getFileName()).append(' ');
                try {
                    b.append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toInstant()).append('\n');
                } catch (IOException e) {
                    b.append("unreadable\n"); // a dangling link mid-renewal: a change like any other
                }
            }
            return b.toString();
        } catch (IOException e) {
            return "cannot list " + dir + ": " + e.getMessage();
        }
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
