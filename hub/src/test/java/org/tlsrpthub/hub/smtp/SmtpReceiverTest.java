package org.tlsrpthub.hub.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.MessagingException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.domains.OtherDomains;
import org.tlsrpthub.hub.testsupport.CorpusMail;
import org.tlsrpthub.hub.testsupport.LogLines;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.SelfSignedTls;
import org.tlsrpthub.hub.testsupport.SmtpClient;

/** The SMTP listener with Angus Mail as the real client, on loopback, into a real SQLite store. */
class SmtpReceiverTest extends ListenerFixture {
    private static final String RCPT = "tlsrpt@hub.example";

    private int start(Map<String, String> extra) {
        return start(Map.of("smtp.bind", "127.0.0.1", "smtp.port", "0",
                "smtp.recipients", "tlsrpt@hub.example, reports.example", "smtp.max-message-bytes", "200000"), extra);
    }

    @Test
    void everyCorpusEmailDeliveredOverSmtpIsStoredWithTheRightTotals() throws Exception {
        SmtpClient client = new SmtpClient(start(Map.of()));
        List<Path> emails = CorpusMail.emails();
        for (Path p : emails) client.send(CorpusMail.read(p), RCPT);

        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE status = 'quarantined'")).isZero();
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE channel = 'smtp' AND origin LIKE "
                + "'127.0.0.1 mail-from=<reports@sender.example>'")).isEqualTo(emails.size());

        // Senders retry (RFC 8460 §5.5): everything again is duplicates only.
        for (Path p : emails) client.send(CorpusMail.read(p), "any@reports.example");
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
        assertThat(store.count("SELECT count(*) FROM raw_input")).as("the same bytes are archived once").isEqualTo(emails.size());
    }

    @Test
    void startTlsIsOfferedAndUsedWhenTheClientAsks() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        int port = start(Map.of("smtp.tls.certificate", tls.certificate().toString(), "smtp.tls.key", tls.key().toString()));
        Path email = CorpusMail.emails().get(0);

        new SmtpClient(port).startTls().send(CorpusMail.read(email), RCPT);
        assertThat(store.totals().get(0)).isEqualTo(CorpusMail.expectedTotals(List.of(email)).get(0));
        // Offered, not required (RFC 8460 §5.3.1): a plain sender still delivers.
        new SmtpClient(port).send(CorpusMail.read(CorpusMail.emails().get(1)), RCPT);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isEqualTo(2);
    }

    @Test
    void requireTlsRefusesPlainSessions() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        int port = start(Map.of("smtp.tls.certificate", tls.certificate().toString(), "smtp.tls.key", tls.key().toString(),
                "smtp.require-tls", "true"));
        byte[] mail = CorpusMail.read(CorpusMail.emails().get(0));
        MessagingException e = catchThrowableOfType(MessagingException.class, () -> new SmtpClient(port).send(mail, RCPT));
        assertThat(SmtpClient.replyCode(e)).isEqualTo(530);
        new SmtpClient(port).startTls().send(mail, RCPT);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isEqualTo(1);
    }

    @Test
    void requireTlsWithoutCertificateIsAConfigurationError() {
        assertThat(catchThrowableOfType(SettingsException.class,
                () -> SmtpSettings.from(Settings.of(Map.of("smtp.require-tls", "true"))))).hasMessageContaining("smtp.tls");
    }

    @Test
    void recipientsThatAreNotAcceptedGet550AtRcpt() throws Exception {
        SmtpClient client = new SmtpClient(start(Map.of()));
        MessagingException e = catchThrowableOfType(MessagingException.class,
                () -> client.send(CorpusMail.read(CorpusMail.emails().get(0)), "someone@elsewhere.example"));
        assertThat(SmtpClient.replyCode(e)).isEqualTo(550);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isZero();
    }

    @Test
    void mailWithoutAReportIsQuarantinedByDefault() throws Exception {
        new SmtpClient(start(Map.of())).send(plainMail("hello"), RCPT);
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE status = 'quarantined' AND message_id = '<plain@x.example>'"))
                .isEqualTo(1);
    }

    @Test
    void mailWithoutAReportIsRefusedWith550WhenConfigured() throws Exception {
        SmtpClient client = new SmtpClient(start(Map.of("smtp.no-report", "reject")));
        MessagingException e = catchThrowableOfType(MessagingException.class, () -> client.send(plainMail("hello"), RCPT));
        assertThat(SmtpClient.replyCode(e)).isEqualTo(550);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isZero();
    }

    @Test
    void malformedMimeIsQuarantinedAndTheServerGoesOn() throws Exception {
        SmtpClient client = new SmtpClient(start(Map.of()));
        byte[] broken = ("From: a@b.example\r\nMessage-ID: <broken@x.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"zz\"\r\n\r\n"
                + "--zz\r\nContent-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "H4sI!!!not base64 and not gzip\r\n").getBytes(StandardCharsets.US_ASCII);
        client.send(broken, RCPT);
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE status = 'quarantined'")).isEqualTo(1);
        client.send(CorpusMail.read(CorpusMail.emails().get(0)), RCPT);
        assertThat(store.count("SELECT count(*) FROM report")).isPositive();
    }

    @Test
    void anOversizedMessageIsRefusedWith552AndTheNextOneIsTaken() throws Exception {
        SmtpClient client = new SmtpClient(start(Map.of()));
        byte[] big = plainMail("x".repeat(300_000));
        MessagingException e = catchThrowableOfType(MessagingException.class, () -> client.send(big, RCPT));
        assertThat(SmtpClient.replyCode(e)).isEqualTo(552);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isZero();
        client.send(CorpusMail.read(CorpusMail.emails().get(0)), RCPT);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isEqualTo(1);
    }

    @Test
    void theSizeLimitIsAdvertisedAndADeclaredOversizeIsRefusedAtMailFrom() throws Exception {
        int port = start(Map.of());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220");
            out.write("EHLO big.example\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            boolean size = false;
            while ((line = in.readLine()).startsWith("250-")) size |= line.equals("250-SIZE 200000");
            size |= line.equals("250 SIZE 200000");
            assertThat(size).as("EHLO advertises SIZE 200000 (RFC 1870)").isTrue();
            out.write("MAIL FROM:<a@big.example> SIZE=900000\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("552");
            out.write("MAIL FROM:<a@big.example> SIZE=1000\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("250");
        }
    }

    @Test
    void reportsAboutDomainsNotServedAreRefusedWith550WhenTheStoreRejectsThem() throws Exception {
        DomainStore domains = new DomainStore(store.db, Clock.systemUTC());
        domains.add("served.example", Actor.system());
        domains.setOtherDomains(OtherDomains.REJECT, Actor.system());
        SmtpClient client = new SmtpClient(start(Map.of()));
        MessagingException e = catchThrowableOfType(MessagingException.class,
                () -> client.send(CorpusMail.read(CorpusMail.emails().get(0)), RCPT));
        assertThat(SmtpClient.replyCode(e)).isEqualTo(550);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isZero();
    }

    @Test
    void storageDownAnswers451AndTheRetryIsStoredExactlyOnce() throws Exception {
        SmtpClient client = new SmtpClient(start(Map.of()));
        List<Path> emails = CorpusMail.emails();
        store.breakStorage();
        for (Path p : emails) {
            MessagingException e = catchThrowableOfType(MessagingException.class, () -> client.send(CorpusMail.read(p), RCPT));
            assertThat(SmtpClient.replyCode(e)).as(p.getFileName().toString()).isEqualTo(451);
        }
        store.repairStorage();
        assertThat(store.count("SELECT count(*) FROM raw_input")).isZero();
        for (Path p : emails) client.send(CorpusMail.read(p), RCPT);
        for (Path p : emails) client.send(CorpusMail.read(p), RCPT);
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
        assertThat(store.count("SELECT count(*) FROM raw_input")).isEqualTo(emails.size());
    }

    @Test
    void aSlowClientDoesNotHoldUpOthers() throws Exception {
        int port = start(Map.of());
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = slow.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(slow.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220");
            out.write(("HELO slow.example\r\nMAIL FROM:<s@slow.example>\r\nRCPT TO:<" + RCPT + ">\r\nDATA\r\n"
                    + "Subject: half a message\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The slow session now sits in DATA; another sender must get through meanwhile.
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                try {
                    new SmtpClient(port).send(CorpusMail.read(CorpusMail.emails().get(0)), RCPT);
                } catch (MessagingException e) {
                    throw new RuntimeException(e);
                }
            });
            other.get(20, TimeUnit.SECONDS);
            assertThat(store.count("SELECT count(*) FROM raw_input")).isEqualTo(1);
        }
    }

    @Test
    void eachMessageGetsOneLogLineWithItsMessageIdSenderOutcomeAndReports() throws Exception {
        try (LogLines log = new LogLines(ReportMessageHandler.class)) {
            SmtpClient client = new SmtpClient(start(Map.of()));
            client.send(ReportMail.from("example.com", "smtp-1"), RCPT);
            client.send(plainMail("hello"), RCPT);
            // an operator matches Postfix's status=sent to these lines by the Message-ID
            assertThat(log.all()).filteredOn(l -> l.contains("<smtp-1@example.com>")).singleElement().asString()
                    .contains("from=\"tlsrpt@example.com\"", "outcome=stored", "reports=\"example.com/smtp-1\"");
            assertThat(log.all()).filteredOn(l -> l.contains("<plain@x.example>")).singleElement().asString()
                    .contains("from=\"a@b.example\"", "outcome=quarantined", "reports=-");
        }
    }

    private static byte[] plainMail(String body) {
        return ("From: a@b.example\r\nTo: " + RCPT + "\r\nMessage-ID: <plain@x.example>\r\nSubject: hi\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
