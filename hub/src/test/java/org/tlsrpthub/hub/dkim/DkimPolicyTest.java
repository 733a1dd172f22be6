package org.tlsrpthub.hub.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.intake.StorageUnavailable;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.DkimSigning;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.MailStore;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.SmtpClient;
import org.tlsrpthub.hub.smtp.SmtpReceiver;
import org.tlsrpthub.hub.smtp.SmtpSettings;
import java.time.Clock;
import org.tlsrpthub.hub.testsupport.Sql;

/** DKIM verdicts with a key served by a real dnsmasq on loopback, and what each policy does with them. */
class DkimPolicyTest {
    static DkimSigning signer;
    static Dnsmasq dns;

    @TempDir
    Path dir;

    @BeforeAll
    static void serveKey() throws Exception {
        signer = new DkimSigning("example.com", "sel");
        dns = Dnsmasq.serving(signer.keyName(), signer.keyRecord());
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) dns.close();
    }

    private DkimSettings settings(String policy) {
        return DkimSettings.from(Settings.of(Map.of("dkim.policy", policy, "dns.resolver", dns.resolverSetting())));
    }

    private static Provenance smtp() {
        return new Provenance(Channel.SMTP, Instant.now(), "127.0.0.1", null, null);
    }

    @Test
    void aKeyLongerThan255BytesIsServedSplitAndVerifies() throws Exception {
        assertThat(signer.keyRecord().length()).isGreaterThan(255);
        DkimResult r = settings("record").verification().verify(signer.sign(ReportMail.from("example.com", "r1")));
        assertThat(r.verdict()).isEqualTo(DkimResult.Verdict.PASS);
        assertThat(r.stored()).isEqualTo("pass d=example.com");
    }

    @Test
    void recordKeepsPassFailAndNoneOnTheStoredInput() throws Exception {
        try (MailStore store = new MailStore(dir, settings("record"))) {
            byte[] signed = signer.sign(ReportMail.from("example.com", "pass-1"));
            byte[] altered = tamper(signer.sign(ReportMail.from("example.com", "fail-1")));
            byte[] unsigned = ReportMail.from("example.com", "none-1");
            for (byte[] m : List.of(signed, altered, unsigned)) {
                assertThat(store.intake.deliver(m, smtp()).outcome().status()).isEqualTo(IngestStatus.STORED);
            }
            List<Object> verdicts = Sql.rows(store.db, "SELECT dkim_result FROM raw_input ORDER BY id").stream()
                    .map(r -> r.get(0)).toList();
            assertThat(verdicts.get(0)).isEqualTo("pass d=example.com");
            assertThat((String) verdicts.get(1)).startsWith("fail d=example.com");
            assertThat(verdicts.get(2)).isEqualTo("none");
        }
    }

    @Test
    void requireStoresOnlyReportsSignedByTheSubmitterOrItsParent() throws Exception {
        try (MailStore store = new MailStore(dir, settings("require"))) {
            MailIntake in = store.intake;
            assertThat(in.deliver(signer.sign(ReportMail.from("example.com", "a")), smtp()).outcome().status())
                    .isEqualTo(IngestStatus.STORED);
            // d=example.com is a parent of the submitter mail.example.com: aligned (RFC 8460 §3, organisational domain).
            assertThat(in.deliver(signer.sign(ReportMail.from("mail.example.com", "b")), smtp()).outcome().status())
                    .isEqualTo(IngestStatus.STORED);

            var otherSubmitter = in.deliver(signer.sign(ReportMail.from("other.example", "c")), smtp());
            var altered = in.deliver(tamper(signer.sign(ReportMail.from("example.com", "d"))), smtp());
            var unsigned = in.deliver(ReportMail.from("example.com", "e"), smtp());
            for (var d : List.of(otherSubmitter, altered, unsigned)) {
                assertThat(d.outcome().status()).isEqualTo(IngestStatus.QUARANTINED);
                assertThat(d.outcome().reason()).contains("DKIM").contains("RFC 8460 §3");
            }
            assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(2);
            assertThat(store.count("SELECT count(*) FROM raw_input WHERE status = 'quarantined'")).isEqualTo(3);
        }
    }

    @Test
    void overSmtpRequireAcknowledgesAndQuarantinesAnUnsignedReport() throws Exception {
        try (MailStore store = new MailStore(dir, settings("require"));
                SmtpReceiver smtp = new SmtpReceiver(SmtpSettings.from(Settings.of(Map.of("smtp.bind", "127.0.0.1",
                        "smtp.port", "0", "smtp.recipients", "tlsrpt@hub.example"))), store.intake,
                        store.junk(Settings.of(Map.of())), Clock.systemUTC())) {
            smtp.start();
            SmtpClient client = new SmtpClient(smtp.port());
            client.send(signer.sign(ReportMail.from("example.com", "smtp-signed")), "tlsrpt@hub.example");
            client.send(ReportMail.from("example.com", "smtp-unsigned"), "tlsrpt@hub.example"); // 250: kept, not lost
            assertThat(Sql.rows(store.db, "SELECT status, dkim_result FROM raw_input ORDER BY id"))
                    .containsExactly(List.of("parsed", "pass d=example.com"), List.of("quarantined", "none"));
            assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(1);
        }
    }

    @Test
    void reprocessingLeavesDkimQuarantineAlone() throws Exception {
        try (MailStore store = new MailStore(dir, settings("require"))) {
            store.intake.deliver(ReportMail.from("example.com", "unsigned"), smtp());
            var result = new org.tlsrpthub.hub.reprocess.ReprocessService(store.db, store.ingest).run(true, Actor.system());
            assertThat(result.released()).isZero();
            assertThat(store.count("SELECT count(*) FROM report")).isZero();
            assertThat(store.count("SELECT count(*) FROM quarantine WHERE kind = 'DKIM'")).isEqualTo(1);
        }
    }

    @Test
    void aKeyTheResolverCannotGiveIsTemperrorAndRequireDefersTheMessage() throws Exception {
        // dnsmasq has no upstream (--no-resolv): a name it does not hold is REFUSED, a resolver failure.
        DkimSigning stranger = new DkimSigning("unknown.example", "s1");
        byte[] mail = stranger.sign(ReportMail.from("unknown.example", "t1"));
        DkimResult r = settings("record").verification().verify(mail);
        assertThat(r.verdict()).as(r.stored()).isEqualTo(DkimResult.Verdict.TEMPERROR);
        try (MailStore store = new MailStore(dir, settings("require"))) {
            assertThatThrownBy(() -> store.intake.deliver(mail, smtp())).isInstanceOf(StorageUnavailable.class)
                    .hasMessageContaining("DKIM");
            assertThat(store.count("SELECT count(*) FROM raw_input")).as("deferred, not stored: the sender retries").isZero();
        }
    }

    @Test
    void aFailedSignatureKeepsItsSigningDomain() throws Exception {
        // A signature jDKIM cannot parse is reported with a placeholder record "d=invalid".
        String signed = new String(signer.sign(ReportMail.from("example.com", "v2-1")), StandardCharsets.ISO_8859_1);
        assertThat(signed).contains("v=1");
        byte[] v2 = signed.replaceFirst("v=1", "v=2").getBytes(StandardCharsets.ISO_8859_1);
        DkimResult r = settings("record").verification().verify(v2);
        assertThat(r.verdict()).as(r.stored()).isEqualTo(DkimResult.Verdict.FAIL);
        assertThat(r.stored()).startsWith("fail d=example.com: Invalid signature record");
    }

    @Test
    void offDoesNotVerify() throws Exception {
        try (MailStore store = new MailStore(dir, settings("off"))) {
            store.intake.deliver(ReportMail.from("example.com", "x"), smtp());
            assertThat(Sql.rows(store.db, "SELECT dkim_result FROM raw_input").get(0).get(0)).isNull();
        }
    }

    @Test
    void alignmentRules() {
        assertThat(SubmitterAlignment.covers("example.com", "example.com")).isTrue();
        assertThat(SubmitterAlignment.covers("example.com", "mail.example.com")).isTrue();
        assertThat(SubmitterAlignment.covers("example.com", "badexample.com")).isFalse();
        assertThat(SubmitterAlignment.covers("com", "example.com")).as("a TLD signs for nobody").isFalse();
        assertThat(SubmitterAlignment.domainOf("mailto:tlsrpt@Example.COM")).isEqualTo("example.com");
        assertThat(SubmitterAlignment.domainOf("https://r.example.org/x")).isEqualTo("r.example.org");
        assertThat(SubmitterAlignment.domainOf("Example Org <smtp-tls@example.org>")).isEqualTo("example.org");
    }

    /** Changes the report's body after signing: the body hash no longer matches (RFC 6376 §3.7). */
    private static byte[] tamper(byte[] signed) {
        String s = new String(signed, StandardCharsets.US_ASCII);
        return s.replace("This is a TLS report.", "This is a TLS report!").getBytes(StandardCharsets.US_ASCII);
    }
}
