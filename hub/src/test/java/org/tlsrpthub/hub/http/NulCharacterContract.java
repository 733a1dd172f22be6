package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.analysis.ReportDetail;
import org.tlsrpthub.hub.analysis.ReportDetail.StoredFailure;
import org.tlsrpthub.hub.analysis.ReportDetail.StoredPolicy;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * A report whose strings hold the JSON escape for U+0000, which PostgreSQL text cannot hold: the
 * parser replaces it by U+FFFD with a warning, so the report is stored alike on both databases,
 * through the ingest path and over HTTP, and the report view says where it was altered.
 */
abstract class NulCharacterContract {
    /** "~" stands for the six characters of the escape, which a Java literal would otherwise turn into U+0000 itself. */
    private static final String NUL_REPORT = """
            {"organization-name": "Nul~Org", "contact-info": "mailto:tlsrpt@nul~.example",
             "report-id": "nul~1",
             "date-range": {"start-datetime": "2026-06-01T00:00:00Z", "end-datetime": "2026-06-01T23:59:59Z"},
             "x~y": "an unknown member",
             "policies": [{
               "policy": {"policy-type": "sts", "policy-domain": "nul.example",
                          "policy-string": ["version: STSv1", "mode: testing", "mx: mx~.nul.example", "max_age: 86400"],
                          "mx-host": ["mx~.nul.example"]},
               "summary": {"total-successful-session-count": 10, "total-failure-session-count": 2},
               "failure-details": [{"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.1~",
                                    "receiving-mx-hostname": "mx~.nul.example", "receiving-mx-helo": "helo~",
                                    "receiving-ip": "192.0.2.2", "failed-session-count": 2,
                                    "additional-information": "info~", "failure-reason-code": "code~"}]
             }]}
            """.replace("~", "\\u0000");
    private static final String FFFD = "\uFFFD";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JDBC URL of an empty database. */
    protected abstract String emptyDatabaseUrl() throws Exception;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plainReport(String id) {
        return bytes(NUL_REPORT.replace("\\u0000", "").replace("nul1", id));
    }

    private static Provenance file(String name) {
        return Provenance.file(name, Instant.parse("2026-06-02T00:00:00Z"));
    }

    @Test
    void aReportWithNulInItsStringsIsStoredAndReadsBackWithReplacementCharactersAndAWarning() throws Exception {
        try (Database db = Database.open(emptyDatabaseUrl())) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            assertThat(ingest.ingest(bytes(NUL_REPORT), file("nul.json")).status()).isEqualTo(IngestStatus.STORED);

            long id = Long.parseLong(Sql.strings(db, "SELECT id FROM report").get(0));
            ReportDetail r = new ReportQueryService(db).get(Scope.wholeHub(), id).orElseThrow();
            assertThat(r.organizationName()).isEqualTo("Nul" + FFFD + "Org");
            assertThat(r.contactInfo()).isEqualTo("mailto:tlsrpt@nul" + FFFD + ".example");
            assertThat(r.reportId()).isEqualTo("nul" + FFFD + "1");
            StoredPolicy p = r.policies().get(0);
            assertThat(p.policyStrings()).contains("mx: mx" + FFFD + ".nul.example");
            assertThat(p.mxHosts()).containsExactly("mx" + FFFD + ".nul.example");
            StoredFailure f = p.failureDetails().get(0);
            assertThat(List.of(f.sendingMtaIp(), f.receivingMxHostname(), f.receivingMxHelo(), f.additionalInformation(),
                    f.failureReasonCode())).containsExactly("192.0.2.1" + FFFD, "mx" + FFFD + ".nul.example",
                    "helo" + FFFD, "info" + FFFD, "code" + FFFD);

            // three named, the rest counted: the same cap as every other warning code
            assertThat(r.warnings()).filteredOn(w -> w.code().equals("nul-character"))
                    .extracting(ReportDetail.StoredWarning::location)
                    .containsExactly("/organization-name", "/contact-info", "/report-id", "");
            assertThat(r.warnings()).filteredOn(w -> w.code().equals("nul-character")).last()
                    .extracting(ReportDetail.StoredWarning::message).isEqualTo("7 more warnings of this kind");
            assertThat(r.warnings()).extracting(ReportDetail.StoredWarning::location).contains("/x" + FFFD + "y");
            assertThat(Sql.strings(db, "SELECT message FROM report_warning")).noneMatch(m -> m.contains("\0"));
        }
    }

    @Test
    void aTransactionOfSeveralInputsWithANulReportAmongThemStoresThemAll() throws Exception {
        try (Database db = Database.open(emptyDatabaseUrl())) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            List<IngestOutcome> outcomes = ingest.commit(List.of(ingest.prepare(plainReport("before"), file("a.json")),
                    ingest.prepare(bytes(NUL_REPORT), file("nul.json")), ingest.prepare(plainReport("after"), file("b.json"))));
            assertThat(outcomes).extracting(IngestOutcome::status).containsOnly(IngestStatus.STORED);
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(3);
        }
    }

    @Test
    void overHttpTheSenderGetsA200AndTheApiShowsTheReplacementAndTheWarning() throws Exception {
        try (RunningHub hub = new RunningHub(emptyDatabaseUrl(), Map.of())) {
            HttpResponse<String> posted = hub.post(bytes(NUL_REPORT), "application/tlsrpt+json");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(JSON.readTree(posted.body()).get("status").asText()).isEqualTo("stored");

            AccessService access = new AccessService(hub.db, Clock.systemUTC());
            access.addUser("nul-tests", "nul tests password".toCharArray(), true);
            String token = access.createToken("nul-tests", "NulCharacterContract").secret();
            long id = Long.parseLong(Sql.strings(hub.db, "SELECT id FROM report").get(0));
            HttpResponse<String> shown = hub.client.send(HttpRequest.newBuilder(hub.hub.http().baseUrl().resolve("/api/v1/reports/" + id))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(shown.statusCode()).isEqualTo(200);
            JsonNode r = JSON.readTree(shown.body());
            assertThat(r.get("organizationName").asText()).isEqualTo("Nul" + FFFD + "Org");
            assertThat(r.get("policies").get(0).get("failureDetails").get(0).get("receivingMxHostname").asText())
                    .isEqualTo("mx" + FFFD + ".nul.example");
            assertThat(r.get("warnings").get(0).get("code").asText()).isEqualTo("nul-character");
            assertThat(r.get("warnings").get(0).get("location").asText()).isEqualTo("/organization-name");
        }
    }

    @Test
    void overHttpDuplicateNulMemberNamesAreABadReportNotAStorageFailure() throws Exception {
        try (RunningHub hub = new RunningHub(emptyDatabaseUrl(), Map.of())) {
            String twice = NUL_REPORT.replace("\"x\\u0000y\": \"an unknown member\",",
                    "\"x\\u0000y\": 1, \"x\\u0000y\": 2,");
            HttpResponse<String> posted = hub.post(bytes(twice), "application/tlsrpt+json");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(400);
            assertThat(posted.body()).contains("duplicate member name").doesNotContain("\\u0000");
            assertThat(Sql.strings(hub.db, "SELECT reason FROM quarantine")).singleElement().asString()
                    .contains("x" + FFFD + "y");
        }
    }
}
