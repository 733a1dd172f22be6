package org.tlsrpthub.hub.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.CorpusMail;
import org.tlsrpthub.hub.testsupport.MailStore;
import org.tlsrpthub.hub.testsupport.SelfSignedTls;

/** IMAP over implicit TLS (imaps) against GreenMail serving a certificate made in the test. */
class ImapTlsTest {
    @TempDir
    Path dir;
    SelfSignedTls tls;
    GreenMail mail;
    MailStore store;

    @BeforeEach
    void start() throws Exception {
        tls = SelfSignedTls.create(dir);
        // GreenMail reads its server key store from these properties when its TLS socket factory is made.
        System.setProperty("greenmail.tls.keystore.file", dir.resolve("server.p12").toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        mail = new GreenMail(ServerSetupTest.IMAPS.dynamicPort());
        mail.start();
        mail.setUser("tlsrpt@hub.example", "tlsrpt", "s3cret").deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(CorpusMail.read(CorpusMail.emails().get(0)))));
        store = new MailStore(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        mail.stop();
        store.close();
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
        System.clearProperty("greenmail.tls.key.password");
    }

    private ImapReceiver receiver(Map<String, String> extra) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret");
        Settings s = Settings.of(Map.of("imap.t.host", "127.0.0.1", "imap.t.port", String.valueOf(mail.getImaps().getPort()),
                "imap.t.tls", "tls", "imap.t.user", "tlsrpt", "imap.t.password-file", pw.toString(),
                "imap.t.archive-folder", "Archive", "imap.t.poll-seconds", "1"));
        for (var e : extra.entrySet()) s = s.with(e.getKey(), e.getValue());
        ImapReceiver r = new ImapReceiver(ImapSettings.from(s), store.intake, Clock.systemUTC(),
                new org.tlsrpthub.hub.alerts.ReceiverFailures(store.db, Clock.systemUTC(), "test"));
        r.start();
        return r;
    }

    @Test
    void readsOverTlsWhenTheServerCertificateIsTrusted() throws Exception {
        try (ImapReceiver r = receiver(Map.of("imap.t.trust-certificate", tls.certificate().toString()))) {
            Await.until(() -> store.count("SELECT count(*) FROM report") > 0);
        }
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE channel = 'imap'")).isEqualTo(1);
    }

    @Test
    void refusesAnUntrustedCertificate() throws Exception {
        try (ImapReceiver r = receiver(Map.of())) {
            while (r.failures() < 2) Thread.sleep(50); // refused, and refused again after the retry
        }
        assertThat(store.count("SELECT count(*) FROM raw_input")).as("nothing read over an unverified connection").isZero();
    }
}
