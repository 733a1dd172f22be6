package org.tlsrpthub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.DashboardData.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.testsupport.DashboardData;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Every API endpoint over real HTTP against a hub filled with generated and corpus reports; the
 * numbers are checked against sums over the raw rows, not against the services that made them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    private static final Period LAST_30 = Period.preset("30d", LocalDate.of(2026, 2, 20));
    private static final Period LAST_7 = Period.preset("7d", LocalDate.of(2026, 2, 20));

    private ApiHub api;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        api = new ApiHub(dir);
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
    }

    private long rawSum(String column, String domain, Period p) throws Exception {
        return Sql.count(api.db, "SELECT COALESCE(SUM(p." + column + "), 0) FROM policy p JOIN report r ON r.id = p.report_id"
                + " WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?", domain, p.startMillis(), p.endMillisExclusive());
    }

    private long rawDetails(String domain, Period p) throws Exception {
        return Sql.count(api.db, """
                SELECT COUNT(*) FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?""", domain, p.startMillis(), p.endMillisExclusive());
    }

    @Test
    void overviewAnswersEveryDomainWithRawSums() throws Exception {
        JsonNode page = api.json("/api/v1/overview?period=30d&q=domain&sort=failed&order=desc&size=100");
        // complete days only: the thirty days before today (2026-02-20)
        assertThat(page.get("period").get("from").asText()).isEqualTo("2026-01-21");
        assertThat(page.get("period").get("to").asText()).isEqualTo("2026-02-19");
        assertThat(page.get("period").get("days").asInt()).isEqualTo(30);
        List<String> names = new ArrayList<>();
        for (JsonNode d : page.get("items")) {
            names.add(d.get("domain").asText());
            if (!d.get("domain").asText().endsWith(".example")) continue;
            assertThat(d.get("totals").get("failedSessions").asLong()).as(d.get("domain").asText())
                    .isEqualTo(rawSum("failed_sessions", d.get("domain").asText(), LAST_30));
            assertThat(d.get("totals").get("successfulSessions").asLong())
                    .isEqualTo(rawSum("successful_sessions", d.get("domain").asText(), LAST_30));
            assertThat(d.get("daily")).hasSize(30);
        }
        assertThat(names).contains(domain(0), domain(1), domain(2), domain(3), domain(4));
        JsonNode silent = api.json("/api/v1/overview?period=30d&status=silent&q=" + domain(4));
        assertThat(silent.get("items")).singleElement().satisfies(d -> assertThat(d.get("status").asText()).isEqualTo("SILENT"));
        JsonNode paged = api.json("/api/v1/overview?period=30d&q=domain&sort=failed&order=desc&page=1&size=2");
        assertThat(paged.get("items").get(0).get("domain").asText()).isEqualTo(names.get(2));
    }

    @Test
    void overviewAsCsv() throws Exception {
        String csv = api.text("/api/v1/overview?period=7d&q=domain0&format=csv");
        assertThat(csv).startsWith("domain,status,reports,successful_sessions,failed_sessions,failure_rate,top_failure_type,last_report_end\r\n");
        assertThat(csv.split("\r\n")[1]).startsWith(domain(0) + ",").contains("," + rawSum("failed_sessions", domain(0), LAST_7) + ",");
    }

    @Test
    void domainAnalysisAnswersTotalsBreakdownsAndAppliedPolicies() throws Exception {
        JsonNode a = api.json("/api/v1/domains/" + domain(0) + "?period=30d&top=3");
        assertThat(a.get("current").get("failedSessions").asLong()).isEqualTo(rawSum("failed_sessions", domain(0), LAST_30));
        assertThat(a.get("previous").get("failedSessions").asLong()).isEqualTo(rawSum("failed_sessions", domain(0), LAST_30.previous()));
        assertThat(a.get("bySendingIp").size()).isLessThanOrEqualTo(3).isPositive();
        assertThat(a.get("byFailureType")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("description").get("title").asText()).isNotBlank();
            assertThat(t.get("description").get("explanation").asText()).isNotBlank();
            assertThat(t.get("description").get("steps")).isNotEmpty();
        });
        assertThat(a.get("byPolicyType").get(0).get("policyType").asText()).isEqualTo("sts");
        assertThat(a.get("appliedPolicies")).isNotEmpty();
        assertThat(a.get("status").asText()).isIn("HEALTHY", "DEGRADED", "FAILING");
    }

    @Test
    void dailySeriesAsJsonAndCsv() throws Exception {
        JsonNode days = api.json("/api/v1/domains/" + domain(1) + "/daily?from=2026-02-10&to=2026-02-16");
        assertThat(days).hasSize(7);
        Period p = new Period(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 16));
        long failed = 0;
        for (JsonNode d : days) failed += d.get("failedSessions").asLong();
        assertThat(failed).isEqualTo(rawSum("failed_sessions", domain(1), p));

        String csv = api.text("/api/v1/domains/" + domain(1) + "/daily?from=2026-02-10&to=2026-02-16&format=csv");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).isEqualTo("day,reports,successful_sessions,failed_sessions,failure_rate");
        long csvFailed = 0;
        for (int i = 1; i < lines.length; i++) csvFailed += Long.parseLong(lines[i].split(",")[3]);
        assertThat(csvFailed).isEqualTo(failed);
    }

    @Test
    void everyBreakdownAsJsonAndCsv() throws Exception {
        for (String b : DomainRoutes.BREAKDOWNS) {
            JsonNode rows = api.json("/api/v1/domains/" + domain(2) + "/breakdowns/" + b + "?period=30d");
            assertThat(rows.isArray()).as(b).isTrue();
            assertThat(rows).as(b).isNotEmpty();
            var r = api.get("/api/v1/domains/" + domain(2) + "/breakdowns/" + b + ".csv?period=30d");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t).contains("attachment"));
            assertThat(new String(r.body(), StandardCharsets.UTF_8).split("\r\n")).as(b).hasSize(rows.size() + 1);
        }
        assertThat(api.get("/api/v1/domains/" + domain(2) + "/breakdowns/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void failureDetailsExportHasEveryDetailOfThePeriod() throws Exception {
        JsonNode rows = api.json("/api/v1/failure-details?domain=" + domain(3) + "&period=30d");
        assertThat((long) rows.size()).isEqualTo(rawDetails(domain(3), LAST_30)).isPositive();
        String csv = api.text("/api/v1/failure-details?domain=" + domain(3) + "&period=30d&format=csv");
        assertThat(csv.split("\r\n")).hasSize(rows.size() + 1);
        assertThat(csv).startsWith("report,organization_name,reporter,range_start,policy_domain,policy_type,result_type,");
    }

    @Test
    void everyListHasTheSameEnvelope() throws Exception {
        for (String list : new String[] {"/api/v1/overview", "/api/v1/reports", "/api/v1/quarantine", "/api/v1/incidents", "/api/v1/audit"}) {
            JsonNode page = api.json(list + "?size=2");
            assertThat(page.get("items").isArray()).as(list).isTrue();
            assertThat(page.get("items").size()).as(list).isLessThanOrEqualTo(2);
            assertThat(page.get("page").asInt()).as(list).isZero();
            assertThat(page.get("size").asInt()).as(list).isEqualTo(2);
            assertThat(page.has("matching")).as(list).isTrue();
            assertThat(page.has("reports") || page.has("domains")).as(list + ": the old names are gone").isFalse();
        }
    }

    @Test
    void reportListOneReportAndItsOriginalBytes() throws Exception {
        JsonNode page = api.json("/api/v1/reports?domain=" + domain(0) + "&has-failures=true&period=30d&size=5");
        long expected = Sql.count(api.db, """
                SELECT COUNT(DISTINCT r.id) FROM report r JOIN policy p ON p.report_id = r.id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ? AND r.failed_sessions > 0""",
                domain(0), LAST_30.startMillis(), LAST_30.endMillisExclusive());
        assertThat(page.get("matching").asLong()).isEqualTo(expected);
        assertThat(page.get("items")).hasSize((int) Math.min(5, expected));
        assertThat(api.json("/api/v1/reports?sender=microsoft.com&domain=" + domain(0)).get("matching").asLong())
                .isEqualTo(DashboardData.DAYS);

        for (Path file : DashboardData.corpusReports()) {
            if (file.getFileName().toString().endsWith(".eml")) continue;
            List<List<Object>> ids = Sql.rows(api.db,
                    "SELECT r.id FROM report r JOIN raw_input i ON i.id = r.raw_input_id WHERE i.origin = ?", file.toString());
            if (ids.isEmpty()) continue; // a duplicate of another corpus file: stored once, under the other name
            long id = ((Number) ids.get(0).get(0)).longValue();
            JsonNode r = api.json("/api/v1/reports/" + id);
            assertThat(r.get("provenance").get("channel").asText()).isEqualTo("file");
            assertThat(r.get("canonicalJson").asText()).contains("\"report-id\"");
            var raw = api.get("/api/v1/reports/" + id + "/raw");
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.body()).as(file.toString()).isEqualTo(Files.readAllBytes(file));
            assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        }
        assertThat(api.get("/api/v1/reports/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void quarantineListItemRawAndReprocess() throws Exception {
        JsonNode list = api.json("/api/v1/quarantine");
        JsonNode broken = null;
        for (JsonNode q : list.get("items")) if ("198.51.100.9".equals(q.get("origin").asText())) broken = q;
        assertThat(broken).isNotNull();
        long id = broken.get("id").asLong();
        assertThat(broken.get("reason").asText()).isNotBlank();
        JsonNode item = api.json("/api/v1/quarantine/" + id);
        assertThat(item.get("contentText").asText()).isEqualTo(new String(DashboardData.BROKEN_INPUT, StandardCharsets.UTF_8));
        assertThat(api.get("/api/v1/quarantine/" + id + "/raw").body()).isEqualTo(DashboardData.BROKEN_INPUT);
        var re = api.post("/api/v1/quarantine/" + id + "/reprocess", new byte[0], "application/json");
        assertThat(re.statusCode()).isEqualTo(200);
        assertThat(ApiHub.JSON.readTree(re.body()).get("stillQuarantined").asLong()).isEqualTo(1);
        assertThat(api.post("/api/v1/quarantine/424242/reprocess", new byte[0], "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void reprocessRefusesAnInputTheDkimPolicyHeldBack() throws Exception {
        byte[] mail = org.tlsrpthub.hub.testsupport.ReportMail.from("unsigned.example", "api-held-1");
        var in = new org.tlsrpthub.hub.ingest.PreparedInput(org.tlsrpthub.hub.store.RawInput.of(mail,
                org.tlsrpthub.hub.store.Provenance.file("unsigned.eml", DashboardData.CLOCK.instant())), List.of(),
                new org.tlsrpthub.hub.store.Quarantine(org.tlsrpthub.hub.store.Quarantine.DKIM, "no valid DKIM signature", "DKIM none"));
        new org.tlsrpthub.hub.ingest.IngestService(api.db, new org.tlsrpthub.hub.ingest.CoreInputDecoder(), DashboardData.CLOCK)
                .commit(List.of(in));
        long id = Sql.count(api.db, "SELECT raw_input_id FROM quarantine WHERE kind = 'DKIM'");
        long reports = Sql.count(api.db, "SELECT count(*) FROM report");

        var re = api.post("/api/v1/quarantine/" + id + "/reprocess", new byte[0], "application/json");

        assertThat(re.statusCode()).isEqualTo(409);
        JsonNode problem = ApiHub.JSON.readTree(re.body());
        assertThat(problem.get("type").asText()).endsWith("held-by-dkim");
        assertThat(problem.get("detail").asText()).contains("dkim.policy=require");
        assertThat(Sql.count(api.db, "SELECT count(*) FROM report")).isEqualTo(reports);
        assertThat(Sql.count(api.db, "SELECT count(*) FROM quarantine WHERE kind = 'DKIM'")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/overview?period=13d", "/api/v1/overview?from=2026-01-01", "/api/v1/overview?from=2026-13-01&to=2026-01-02",
            "/api/v1/overview?from=2026-02-02&to=2026-01-01", "/api/v1/overview?period=7d&from=2026-01-01&to=2026-01-02",
            "/api/v1/overview?size=0", "/api/v1/overview?size=100000", "/api/v1/overview?page=-1", "/api/v1/overview?sort=colour",
            "/api/v1/overview?order=up", "/api/v1/overview?status=purple", "/api/v1/overview?format=xml",
            "/api/v1/domains/bad%20domain!", "/api/v1/domains/domain0.example?top=0", "/api/v1/domains/domain0.example?period=1y",
            "/api/v1/reports?has-failures=maybe", "/api/v1/reports?size=abc", "/api/v1/reports/abc", "/api/v1/reports/abc/raw",
            "/api/v1/quarantine?page=x", "/api/v1/quarantine/x", "/api/v1/failure-details?limit=0",
            "/api/v1/failure-details?domain=%3Cscript%3E", "/api/v1/overview?from=2000-01-01&to=2026-01-01"})
    void badParametersAnswer400ProblemJson(String path) throws Exception {
        var r = api.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode p = ApiHub.JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("title").asText()).startsWith("Bad parameter");
        assertThat(p.get("detail").asText()).isNotBlank();
    }

    @Test
    void unknownApiPathIsAProblem404() throws Exception {
        var r = api.get("/api/v1/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ApiHub.JSON.readTree(r.body()).get("detail").asText()).contains("/api/v1/nothing-here");
        var known = api.get("/api/v1/reports/424242");
        assertThat(known.statusCode()).isEqualTo(404);
        assertThat(ApiHub.JSON.readTree(known.body()).get("detail").asText()).isEqualTo("no report 424242");
    }

    @Test
    void openApiIsServed() throws Exception {
        JsonNode doc = api.json("/api/openapi.json");
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/v1/overview")).isTrue();
    }

    @Test
    void metricsCountIngestByPathAndOutcomeAndSessionsPerDomain() throws Exception {
        byte[] report = new org.tlsrpthub.core.json.ReportWriter().write(
                new org.tlsrpthub.hub.generate.ReportGenerator(99, LocalDate.of(2026, 2, 19)).report(0, 7, 0)); // a sender not in the data
        assertThat(api.post("/tlsrpt", report, "application/tlsrpt+json").statusCode()).isBetween(200, 299);
        assertThat(api.post("/tlsrpt", report, "application/tlsrpt+json").statusCode()).isBetween(200, 299);

        var r = api.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("tlsrpthub_ingest_inputs_total{channel=\"https\",outcome=\"stored\"} 1.0")
                .contains("tlsrpthub_ingest_inputs_total{channel=\"https\",outcome=\"duplicate\"} 1.0")
                .contains("tlsrpthub_ingest_commit_duration_seconds_count{channel=\"https\"} 2");
        long ok = Sql.count(api.db, "SELECT SUM(successful_sessions) FROM policy WHERE policy_domain = ?", domain(0));
        long failed = Sql.count(api.db, "SELECT SUM(failed_sessions) FROM policy WHERE policy_domain = ?", domain(0));
        assertThat(metric(text, "tlsrpthub_domain_sessions_total{domain=\"" + domain(0) + "\",result=\"successful\"}")).isEqualTo(ok);
        assertThat(metric(text, "tlsrpthub_domain_sessions_total{domain=\"" + domain(0) + "\",result=\"failed\"}")).isEqualTo(failed);
    }

    private static long metric(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) return (long) Double.parseDouble(line.substring(series.length() + 1).trim());
        }
        throw new AssertionError("no series " + series + " in\n" + text);
    }
}
