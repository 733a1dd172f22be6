package org.tlsrpthub.hub.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.tlsrpthub.hub.http.RateLimiter;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.intake.StorageUnavailable;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;

/**
 * One SMTP transaction: checks recipients at RCPT, reads DATA under the size cap, and answers
 * only after the message is durable. The reply to DATA is the acknowledgement (RFC 5321 §4.1.1.4):
 * 250 once stored or quarantined, 451 when the store failed (the sender retries, RFC 8460 §5.5),
 * 550 for mail without a report when configured to refuse it, 452 for such mail when the junk
 * quota is full, 552 when over the size limit. Every message gets one log line.
 */
final class ReportMessageHandler implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(ReportMessageHandler.class);

    private final MessageContext context;
    private final SmtpSettings settings;
    private final AcceptedRecipients recipients;
    private final RateLimiter rate;
    private final MailIntake intake;
    private final JunkQuarantine junk;
    private final Clock clock;
    private String envelopeSender;

    ReportMessageHandler(MessageContext context, SmtpSettings settings, AcceptedRecipients recipients,
            RateLimiter rate, MailIntake intake, JunkQuarantine junk, Clock clock) {
        this.context = context;
        this.settings = settings;
        this.recipients = recipients;
        this.rate = rate;
        this.intake = intake;
        this.junk = junk;
        this.clock = clock;
    }

    @Override
    public void from(String from) throws RejectException {
        this.envelopeSender = from;
        // At MAIL, before any data is sent: a flooding client costs one line per refused message.
        String address = remoteAddress();
        if (!rate.tryAcquire(address)) {
            log.info("smtp {} {}: outcome=rate-limited", context.getSessionId(), origin());
            throw new RejectException(451, "4.7.1 too many messages from " + address + "; try again in "
                    + Math.max(1, rate.secondsUntilToken(address)) + " s");
        }
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (!recipients.accepts(recipient)) {
            throw new RejectException(550, "5.1.1 <" + recipient + ">: no TLS-RPT mailbox here");
        }
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = readCapped(data, settings.maxMessageBytes());
        if (raw == null) {
            log.info("smtp {} {}: outcome=too-large", context.getSessionId(), origin());
            throw new RejectException(552, "5.3.4 message exceeds the size limit of " + settings.maxMessageBytes() + " bytes");
        }
        Provenance provenance = new Provenance(Channel.SMTP, clock.instant(), origin(), null, null);
        MailIntake.Prepared prepared = null;
        try {
            prepared = intake.prepare(raw, provenance);
            if (prepared.holdsNoReport() && settings.noReport() == NoReportAction.REJECT) {
                log.info("smtp {} {}: {}", context.getSessionId(), origin(), prepared.logLine("refused-no-report"));
                throw new RejectException(550, "5.6.0 no TLS-RPT report found in this message: "
                        + oneLine(prepared.input().parseError().reason()));
            }
            prepared = prepared.with(junk.withExpiry(prepared.input()));
            if (!junk.admits(prepared.input())) {
                log.warn("smtp {} {}: {}", context.getSessionId(), origin(), prepared.logLine("refused-junk-quota-full"));
                throw new RejectException(452, "4.2.2 no report in this message, and the quarantine for such mail"
                        + " is full: not kept");
            }
            MailIntake.Delivery d = intake.commit(prepared);
            log.info("smtp {} {}: {}", context.getSessionId(), origin(), d.logLine());
            return "2.6.0 " + switch (d.outcome().status()) {
                case STORED -> "report stored";
                case DUPLICATE -> "report already stored";
                case QUARANTINED -> "message kept in quarantine: " + oneLine(d.outcome().reason());
                // Nothing was stored: say so rather than accept and drop (RFC 5321 §6.2).
                case REJECTED -> throw new RejectException(550, "5.7.1 " + oneLine(d.outcome().reason()));
            };
        } catch (StorageUnavailable | SQLException e) {
            log.warn("smtp {} {}: {} error=\"{}\"", context.getSessionId(), origin(),
                    prepared == null ? "outcome=deferred" : prepared.logLine("deferred"), oneLine(e.getMessage()));
            throw new RejectException(451, "4.3.0 cannot store the report now, try again later");
        }
    }

    @Override
    public void done() {}

    private String origin() {
        String host = remoteAddress();
        return envelopeSender == null ? host : host + " mail-from=<" + envelopeSender + ">";
    }

    private String remoteAddress() {
        SocketAddress a = context.getRemoteAddress();
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    /**
     * The message, or null when it is larger than {@code max}. The rest of an oversized message is
     * still read to its end, so the session stays in step and the client can go on (RFC 5321 §4.5.3.1.10).
     */
    static byte[] readCapped(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 16 * 1024));
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total <= max) out.write(buf, 0, n);
        }
        return total > max ? null : out.toByteArray();
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String t = s.replaceAll("[\\r\\n]+", " ");
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
