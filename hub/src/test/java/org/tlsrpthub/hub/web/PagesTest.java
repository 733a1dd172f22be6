package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.analysis.ReportFilter;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;
import org.tlsrpthub.hub.store.RawInput;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Sql;

/** The pages' actions over plain HTTP: the upload's "store it", reprocess, escaping and headers. */
class PagesTest {
    @TempDir Path dir;

    private static HttpResponse<String> upload(WebHub h, String csrf, byte[] file, boolean store) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(csrf).append("\r\n");
        if (store) head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"store\"\r\n\r\non\r\n");
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"report\"; filename=\"r.json\"\r\n")
                .append("Content-Type: application/json\r\n\r\n");
        byte[] a = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] z = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[a.length + file.length + z.length];
        System.arraycopy(a, 0, body, 0, a.length);
        System.arraycopy(file, 0, body, a.length, file.length);
        System.arraycopy(z, 0, body, a.length + file.length, z.length);
        return h.browser.send(HttpRequest.newBuilder(h.url("/parse")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uploadStoresOnlyWhenAskedAndEscapesTheReport() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            new AccessService(h.db, Clock.systemUTC()).addUser("u", "user password".toCharArray(), true); // unassigned domains: hub admins only
            String csrf = h.signIn("u", "user password");
            ReportQueryService reports = new ReportQueryService(h.db);
            ReportFilter all = new ReportFilter(null, null, null, null, 0, 10);

            assertThat(upload(h, "wrong", BrowserTest.xssReport(), false).statusCode()).as("CSRF on uploads too").isEqualTo(403);
            HttpResponse<String> shown = upload(h, csrf, BrowserTest.xssReport(), false);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;Evil Org").doesNotContain("<script>window");
            assertThat(shown.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
            assertThat(reports.list(Scope.wholeHub(), all).matching()).isZero();

            HttpResponse<String> stored = upload(h, csrf, BrowserTest.xssReport(), true);
            assertThat(stored.body()).contains("Stored: stored");
            assertThat(reports.list(Scope.wholeHub(), all).matching()).isEqualTo(1);

            HttpResponse<String> broken = upload(h, csrf, "not a report".getBytes(StandardCharsets.UTF_8), false);
            assertThat(broken.statusCode()).isEqualTo(422);
            assertThat(broken.body()).contains("id=\"parse-error\"");
        }
    }

    @Test
    void theOverviewPagesAndSearchesManyDomains() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            new AccessService(h.db, Clock.systemUTC()).addUser("u", "user password".toCharArray(), true); // unassigned domains: hub admins only
            IngestService ingest = new IngestService(h.db, new CoreInputDecoder(), Clock.systemUTC());
            var gen = new org.tlsrpthub.hub.generate.ReportGenerator(7, java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2));
            var writer = new org.tlsrpthub.core.json.ReportWriter();
            var batch = new java.util.ArrayList<org.tlsrpthub.hub.ingest.PreparedInput>();
            for (int d = 0; d < 120; d++) {
                batch.add(ingest.prepare(writer.write(gen.report(d, 0, 0)), Provenance.file("g" + d, Clock.systemUTC().instant())));
            }
            ingest.commit(batch);
            h.signIn("u", "user password");
            String first = h.get("/?period=7d&sort=domain&dir=asc").body();
            assertThat(first).contains("page 1 of 3").contains("data-domain=\"domain0.example\"");
            assertThat(first.split("<tr data-domain=", -1)).hasSize(51);
            String third = h.get("/?period=7d&sort=domain&dir=asc&page=2").body();
            assertThat(third.split("<tr data-domain=", -1)).hasSize(21);
            String found = h.get("/?period=7d&q=domain11").body(); // domain11 and domain110..119
            assertThat(found.split("<tr data-domain=", -1)).hasSize(12);
            HttpResponse<String> bad = h.get("/?period=nonsense");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("id=\"error-message\"").contains("unknown period");
            assertThat(h.get("/reports/999999").statusCode()).isEqualTo(404);
            assertThat(h.get("/?sort=nonsense").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void reprocessIsAPostWithCsrfAndReportsWhatHappened() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            new AccessService(h.db, Clock.systemUTC()).addUser("u", "user password".toCharArray(), true); // unassigned domains: hub admins only
            new IngestService(h.db, new CoreInputDecoder(), Clock.systemUTC())
                    .ingest("{\"broken\": <b>".getBytes(StandardCharsets.UTF_8), Provenance.file("x.json", Clock.systemUTC().instant()));
            String csrf = h.signIn("u", "user password");
            HttpResponse<String> list = h.get("/quarantine");
            String id = list.body().replaceAll("(?s).*href=\"/quarantine/(\\d+)\".*", "$1");
            HttpResponse<String> item = h.get("/quarantine/" + id);
            assertThat(item.body()).contains("{\"broken\": &lt;b&gt;").doesNotContain("<b>");
            assertThat(item.body()).contains("never: kept until reviewed"); // a broken report may be genuine
            assertThat(h.postForm("/quarantine/" + id + "/reprocess", Map.of()).statusCode()).isEqualTo(403);
            HttpResponse<String> done = h.postForm("/quarantine/" + id + "/reprocess", Map.of("_csrf", csrf));
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(h.get(done.headers().firstValue("Location").orElseThrow()).body()).contains("still quarantined");
            assertThat(h.get("/quarantine/" + id + "/raw").headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        }
    }

    @Test
    void reprocessRefusesAnInputTheDkimPolicyHeldBack() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            new AccessService(h.db, Clock.systemUTC()).addUser("u", "user password".toCharArray(), true); // unassigned domains: hub admins only
            byte[] mail = ReportMail.from("unsigned.example", "held-1");
            new IngestService(h.db, new CoreInputDecoder(), Clock.systemUTC()).commit(java.util.List.of(new PreparedInput(
                    RawInput.of(mail, Provenance.file("unsigned.eml", Clock.systemUTC().instant())), java.util.List.of(),
                    new Quarantine(Quarantine.DKIM, "no valid DKIM signature", "unsigned.eml: DKIM none"))));
            long id = Sql.count(h.db, "SELECT raw_input_id FROM quarantine");
            String csrf = h.signIn("u", "user password");

            HttpResponse<String> done = h.postForm("/quarantine/" + id + "/reprocess", Map.of("_csrf", csrf));

            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(h.get(done.headers().firstValue("Location").orElseThrow()).body())
                    .contains("Not reprocessed").contains("dkim.policy=require");
            assertThat(Sql.count(h.db, "SELECT count(*) FROM report")).isZero();
            assertThat(Sql.count(h.db, "SELECT count(*) FROM quarantine WHERE kind = 'DKIM'")).isEqualTo(1);
        }
    }

    @Test
    void aReportWithAContenderSaysSoAndLinksItsQuarantineEntry() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            new AccessService(h.db, Clock.systemUTC()).addUser("u", "user password".toCharArray(), true); // unassigned domains: hub admins only
            IngestService ingest = new IngestService(h.db, new CoreInputDecoder(), Clock.systemUTC());
            byte[] first = "{\"organization-name\":\"R\",\"date-range\":{\"start-datetime\":\"2026-01-01T00:00:00Z\",\"end-datetime\":\"2026-01-01T23:59:59Z\"},\"contact-info\":\"t@r.example\",\"report-id\":\"same\",\"policies\":[{\"policy\":{\"policy-type\":\"no-policy-found\",\"policy-domain\":\"d.example\"},\"summary\":{\"total-successful-session-count\":1,\"total-failure-session-count\":0}}]}"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] other = new String(first, StandardCharsets.UTF_8).replace("\"total-successful-session-count\":1", "\"total-successful-session-count\":2")
                    .getBytes(StandardCharsets.UTF_8);
            ingest.ingest(first, Provenance.file("first.json", Clock.systemUTC().instant()));
            ingest.ingest(other, Provenance.file("other.json", Clock.systemUTC().instant()));
            long report = Sql.count(h.db, "SELECT id FROM report");
            long held = Sql.count(h.db, "SELECT raw_input_id FROM quarantine");
            h.signIn("u", "user password");

            assertThat(h.get("/reports/" + report).body()).contains("id=\"report-conflict\"").contains("CONFLICT")
                    .contains("held for review").contains("href=\"/quarantine/" + held + "\"");
            assertThat(h.get("/quarantine").body()).contains("<code>CONFLICT</code>").contains("other content");
        }
    }
}
