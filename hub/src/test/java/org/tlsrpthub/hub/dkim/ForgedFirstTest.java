package org.tlsrpthub.hub.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.intake.MailReceivers;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.serve.Receiver;
import org.tlsrpthub.hub.smtp.SmtpReceiver;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.DashboardRollupCheck;
import org.tlsrpthub.hub.testsupport.DkimSigning;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.SmtpClient;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Issue 9 §2 end to end: a report forged over the open HTTPS endpoint with a guessed report-id
 * does not silence the genuine report, which arrives by SMTP signed by the reporter's domain
 * (key served by a real dnsmasq on loopback).
 */
class ForgedFirstTest {
    static DkimSigning reporter;
    static Dnsmasq dns;

    @TempDir
    Path dir;

    @BeforeAll
    static void serveKey() throws Exception {
        reporter = new DkimSigning("example.com", "sel");
        dns = Dnsmasq.serving(reporter.keyName(), reporter.keyRecord());
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) dns.close();
    }

    /** What ReportMail's report says, with other numbers: what a forger who guessed the report-id posts. */
    private static byte[] forged(String reportId) {
        return """
                {"organization-name":"Reporter","date-range":{"start-datetime":"2026-11-01T00:00:00Z",\
                "end-datetime":"2026-11-01T23:59:59Z"},"contact-info":"tlsrpt@example.com","report-id":"%s",\
                "policies":[{"policy":{"policy-type":"no-policy-found","policy-domain":"example.net"},\
                "summary":{"total-successful-session-count":9000,"total-failure-session-count":0}}]}"""
                .formatted(reportId).getBytes(StandardCharsets.UTF_8);
    }

    private record Running(Database db, Hub hub, int smtpPort) implements AutoCloseable {
        @Override
        public void close() {
            hub.close();
            db.close();
        }
    }

    private Running start() throws Exception {
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir));
        List<Receiver> receivers = new ArrayList<>();
        Hub hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0",
                "smtp.bind", "127.0.0.1", "smtp.port", "0", "smtp.recipients", "*", "dkim.policy", "record", "dns.resolver", dns.resolverSetting())),
                db, Clock.systemUTC(), s -> {
                    receivers.addAll(MailReceivers.from(s));
                    return receivers;
                }).start();
        int port = receivers.stream().filter(r -> r instanceof SmtpReceiver).map(r -> ((SmtpReceiver) r).port()).findFirst().orElseThrow();
        return new Running(db, hub, port);
    }

    private static HttpResponse<String> post(Running h, byte[] body) throws Exception {
        URI url = h.hub().http().reportUrl();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).header("Content-Type", "application/tlsrpt+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Object> counted(Running h) throws Exception {
        return Sql.rows(h.db(), "SELECT successful_sessions, failed_sessions FROM report").stream()
                .map(r -> (Object) List.of(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue())).toList();
    }

    @Test
    void theSignedReportDisplacesAForgeryPostedFirst() throws Exception {
        try (Running h = start()) {
            assertThat(post(h, forged("2026-11-01_example.net")).statusCode()).isEqualTo(200);
            assertThat(counted(h)).containsExactly(List.of(9000L, 0L));

            new SmtpClient(h.smtpPort()).send(reporter.sign(ReportMail.from("example.com", "2026-11-01_example.net")),
                    "tlsrpt@hub.example");

            assertThat(counted(h)).as("the signed report counts, not the forgery").containsExactly(List.of(7L, 1L));
            assertThat(Sql.rows(h.db(), """
                    SELECT i.channel, q.kind FROM report_contender k JOIN raw_input i ON i.id = k.raw_input_id
                    JOIN quarantine q ON q.raw_input_id = i.id""")).containsExactly(List.of("https", "CONFLICT"));
            RollupCheck.assertRollupsMatchRawRows(h.db());
            DashboardRollupCheck.assertDashboardRollupsMatchRawRows(h.db());
        }
    }

    @Test
    void aForgeryAfterTheSignedReportIsAcceptedIntoReviewOnly() throws Exception {
        try (Running h = start()) {
            new SmtpClient(h.smtpPort()).send(reporter.sign(ReportMail.from("example.com", "2026-11-01_example.net")),
                    "tlsrpt@hub.example");

            HttpResponse<String> answer = post(h, forged("2026-11-01_example.net"));

            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.body()).contains("\"status\":\"quarantined\"").contains("other content");
            assertThat(counted(h)).containsExactly(List.of(7L, 1L));
            assertThat(Sql.count(h.db(), "SELECT count(*) FROM quarantine WHERE kind = 'CONFLICT'")).isEqualTo(1);
            RollupCheck.assertRollupsMatchRawRows(h.db());
        }
    }
}
