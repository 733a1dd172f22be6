package org.tlsrpthub.hub.domains;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.importer.ImportRunner;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.intake.MailReceivers;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.summary.SummaryService;
import org.tlsrpthub.hub.testsupport.ImapServer;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.SmtpClient;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * One domain sent in a different spelling through every path (HTTP, SMTP, IMAP, Maildir, import,
 * reprocess) is one domain in the store and in every read (overview, domain page, summary, API,
 * CSV), whatever spelling the reader types.
 */
class DomainSpellingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final String PERIOD = "from=" + DAY + "&to=" + DAY;

    @TempDir Path dir;

    @Test
    void everyPathStoresEverySpellingAsOneDomainAndEveryReadFindsIt() throws Exception {
        Clock clock = Clock.systemUTC();
        int smtpPort = freePort();
        Path maildir = dir.resolve("Maildir");
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("data")));
        DomainStore domains = new DomainStore(db, clock);
        domains.add("example.org", Actor.system());
        domains.setOtherDomains(OtherDomains.QUARANTINE, Actor.system());
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        // quarantined while example.net is not served; released by reprocess below
        ingest.ingest(bytes(ReportMail.json("Example.NET.", "reprocess.example", "r-reprocess")),
                Provenance.file("early.json", clock.instant()));
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM quarantine")).isEqualTo(1);
        assertThat(domains.add("EXAMPLE.net.", Actor.system())).isTrue();
        assertThat(domains.add("example.net", Actor.system())).as("the same served domain").isFalse();

        try (ImapServer imap = new ImapServer()) {
            Hub hub = new Hub(imap.settings(dir, Map.of("http.bind", "127.0.0.1", "http.port", "0",
                    "http.rate-limit.per-minute", "0", "smtp.enabled", "true", "smtp.bind", "127.0.0.1",
                    "smtp.port", String.valueOf(smtpPort), "maildir.path", maildir.toString(),
                    "maildir.rescan-seconds", "1", "dkim.policy", "off", "smtp.recipients", "*")), db, clock, MailReceivers::from).start();
            try (WebHub web = new WebHub(db, hub)) {
                HttpResponse<String> posted = web.browser.send(HttpRequest.newBuilder(web.url("/tlsrpt"))
                        .header("Content-Type", "application/tlsrpt+json")
                        .POST(HttpRequest.BodyPublishers.ofString(ReportMail.json("Example.Net.", "http.example", "r-http")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 299);
                new SmtpClient(smtpPort).send(ReportMail.about("EXAMPLE.NET", "smtp.example", "r-smtp"), "tlsrpt@hub.example");
                // delivered as an MTA does: written in tmp/, then renamed into new/ (never read half-written)
                Path written = Files.write(Files.createDirectories(maildir.resolve("tmp")).resolve("1.M1.test"),
                        ReportMail.about("example.net.", "maildir.example", "r-maildir"));
                Files.move(written, maildir.resolve("new").resolve("1.M1.test"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                imap.deliver(ReportMail.about("eXample.nEt", "imap.example", "r-imap"));
                Path file = Files.writeString(dir.resolve("import.json"), ReportMail.json("Example.net", "import.example", "r-import"));
                new ImportRunner(ingest, clock).run(List.of(file), n -> { });
                assertThat(new ReprocessService(db, ingest).run(false, Actor.system()).released()).isEqualTo(1);
                while (Sql.count(db, "SELECT COUNT(*) FROM report") < 6) Thread.sleep(20); // the mail receivers poll

                assertStoredAsOneDomain(db);
                assertEveryReadFindsIt(web, db);
            }
        }
    }

    private static void assertStoredAsOneDomain(Database db) throws Exception {
        assertThat(column(db, "SELECT DISTINCT policy_domain FROM policy")).containsExactly("example.net");
        for (String table : List.of("rollup_daily", "rollup_domain_daily", "rollup_domain_monthly",
                "rollup_dimension_daily", "rollup_domain_total")) {
            assertThat(column(db, "SELECT DISTINCT policy_domain FROM " + table)).as(table).containsExactly("example.net");
        }
        assertThat(column(db, "SELECT domain FROM served_domain ORDER BY domain")).containsExactly("example.net", "example.org");
        // what each sender wrote stays visible on the report
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM report_warning WHERE code = 'policy-domain-normalised'")).isEqualTo(6);
    }

    private static void assertEveryReadFindsIt(WebHub web, Database db) throws Exception {
        AccessService access = new AccessService(db, Clock.systemUTC());
        access.addUser("reader", "reader password".toCharArray(), true); // domains seen in reports here are in no organisation: hub admins see them
        String bearer = "Bearer " + access.createToken("reader", "test").secret();

        JsonNode overview = api(web, bearer, "/api/v1/overview?" + PERIOD);
        List<String> names = new ArrayList<>();
        for (JsonNode d : overview.get("items")) {
            names.add(d.get("domain").asText());
            if (d.get("domain").asText().equals("example.net")) {
                assertThat(d.get("totals").get("reports").asLong()).isEqualTo(6);
            }
        }
        assertThat(names).containsExactlyInAnyOrder("example.net", "example.org");
        String csv = apiText(web, bearer, "/api/v1/overview?format=csv&" + PERIOD);
        assertThat(csv.lines().filter(l -> l.toLowerCase().contains("example.net"))).containsExactly(
                csv.lines().filter(l -> l.startsWith("example.net,")).findFirst().orElseThrow());

        for (String typed : List.of("Example.NET.", "example.net", "EXAMPLE.net")) {
            JsonNode a = api(web, bearer, "/api/v1/domains/" + typed + "?" + PERIOD);
            assertThat(a.get("domain").asText()).isEqualTo("example.net");
            assertThat(a.get("current").get("reports").asLong()).as(typed).isEqualTo(6);
            assertThat(a.get("current").get("failedSessions").asLong()).isEqualTo(6);
            assertThat(api(web, bearer, "/api/v1/reports?domain=" + typed + "&" + PERIOD).get("matching").asLong())
                    .as(typed).isEqualTo(6);
            assertThat(apiText(web, bearer, "/api/v1/domains/" + typed + "/daily?format=csv&" + PERIOD)).contains(DAY + ",");
            assertThat(new SummaryService(db).summarise(Scope.wholeHub(), typed, DAY, DAY).orElseThrow().reports()).as(typed).isEqualTo(6);
        }

        web.signIn("reader", "reader password");
        String page = web.get("/?" + PERIOD).body();
        assertThat(page).contains(">example.net</a>").doesNotContain("Example.N").doesNotContain("EXAMPLE");
        String domainPage = web.get("/domains/EXAMPLE.net.?" + PERIOD).body();
        assertThat(domainPage).contains("<b id=\"kpi-reports\">6</b>").contains("example.net");
        assertThat(domainPage).contains("Covers " + DAY + " to " + DAY + ":\n1 UTC day");
        LocalDate today = LocalDate.now(Clock.systemUTC());
        assertThat(web.get("/?period=7d").body()).contains("Covers " + today.minusDays(7) + " to " + today.minusDays(1)
                + ":\n7 UTC days, all complete (today is not included)").contains("counts on its first day only");
    }

    private static JsonNode api(WebHub web, String bearer, String path) throws Exception {
        return JSON.readTree(apiText(web, bearer, path));
    }

    private static String apiText(WebHub web, String bearer, String path) throws Exception {
        HttpResponse<String> r = web.browser.send(HttpRequest.newBuilder(web.url(path)).header("Authorization", bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static List<String> column(Database db, String sql) throws Exception {
        return Sql.rows(db, sql).stream().map(r -> (String) r.get(0)).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
