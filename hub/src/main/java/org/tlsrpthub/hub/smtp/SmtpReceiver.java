package org.tlsrpthub.hub.smtp;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;
import org.tlsrpthub.hub.http.RateLimiter;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.serve.Receiver;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * The hub as the {@code rua=mailto:} mailbox (RFC 8460 §3, §5.3): an SMTP listener that takes
 * report mail directly. STARTTLS is offered when a certificate is configured and required only on
 * request, because §5.3.1 makes senders deliver reports even when TLS fails. Each session runs on
 * its own virtual thread, so a slow client holds only its own session; one client address gets a
 * bounded number of sessions (421 beyond) and of messages a minute (451 beyond).
 */
public final class SmtpReceiver implements Receiver {
    private static final Logger log = LoggerFactory.getLogger(SmtpReceiver.class);

    private final SmtpSettings settings;
    private final MailIntake intake;
    private final JunkQuarantine junk;
    private final Clock clock;
    private SMTPServer server;
    private ExecutorService sessions;

    public SmtpReceiver(SmtpSettings settings, MailIntake intake, JunkQuarantine junk, Clock clock) {
        this.settings = settings;
        this.intake = intake;
        this.junk = junk;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "smtp " + settings.bind().getHostAddress() + ":" + (server == null ? settings.port() : port());
    }

    @Override
    public synchronized void start() {
        if (server != null) return;
        AcceptedRecipients recipients = AcceptedRecipients.of(settings.recipients());
        RateLimiter rate = new RateLimiter(settings.ratePerMinute(), settings.rateBurst(), System::nanoTime);
        sessions = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("smtp-session-", 0).factory());
        SMTPServer.Builder b = SMTPServer.port(settings.port())
                .bindAddress(settings.bind())
                .softwareName("TLS-RPT Hub")
                .maxMessageSize(settings.maxMessageBytes())
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.timeoutSeconds(), TimeUnit.SECONDS)
                .executorService(sessions)
                // No Received header: the archive keeps the bytes as sent, so a retried message has the
                // same sha256 and is one raw input; the remote address is kept in the provenance instead.
                .insertReceivedHeaders(false)
                .hostName(settings.hostName())
                .messageHandlerFactory(ctx -> new ReportMessageHandler(ctx, settings, recipients, rate, intake, junk, clock));
        if (settings.maxConnectionsPerAddress() > 0) {
            // The library's limiter answers "421 Too many connections, try again later" (RFC 5321 §3.8).
            b.sessionHandler(SessionHandler.limitConcurrentSessionsBySource(settings.maxConnectionsPerAddress()));
        }
        if (settings.offersTls()) {
            SSLContext tls = PemTls.serverContext(settings.tlsCertificate(), settings.tlsKey());
            b.enableTLS().requireTLS(settings.requireTls()).startTlsSocketFactory(socket -> {
                InetAddress remote = socket.getInetAddress();
                SSLSocket s = (SSLSocket) tls.getSocketFactory()
                        .createSocket(socket, remote.getHostAddress(), socket.getPort(), true);
                s.setUseClientMode(false);
                return s;
            });
        }
        server = b.build();
        server.start();
        log.info("SMTP listener on {}:{} (STARTTLS {}, size limit {} bytes)", settings.bind().getHostAddress(), port(),
                settings.offersTls() ? (settings.requireTls() ? "required" : "offered") : "off", settings.maxMessageBytes());
    }

    /** The port listened on (useful with smtp.port=0). */
    public int port() {
        return server.getPortAllocated();
    }

    /** Stops accepting sessions; sessions in the middle of a commit finish it first. */
    @Override
    public synchronized void close() {
        if (server == null) return;
        server.stop();
        sessions.shutdown();
        try {
            sessions.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }
}
