package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.analysis.ReportDetail;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.testsupport.DashboardRollupCheck;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * A duplicate is really a duplicate (issue 9 §2), on each database: a report with a stored key but
 * other content is never dropped, and a forgery posted first cannot displace a DKIM-verified report.
 */
public abstract class DedupContract {
    private static final ReportGenerator GENERATOR = new ReportGenerator(7, java.time.LocalDate.of(2026, 3, 1));
    private static final ReportWriter WRITER = new ReportWriter();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    protected Database db;
    protected IngestService ingest;

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    /** The genuine report: contact-info at example.com, report-id as reporters make them (predictable). */
    private static Report genuine() {
        Report r = GENERATOR.report(1, 0, 0);
        return new Report("Example Reporter", r.dateRange(), "mailto:tlsrpt@example.com", "2026-03-01T00:00:00Z_domain1",
                r.policies());
    }

    /** The same key with other numbers: what someone who guessed the report-id posts first. */
    private static Report forgedOf(Report r) {
        List<PolicyResult> policies = r.policies().stream().map(p -> new PolicyResult(p.policy(),
                new Summary(p.summary().totalSuccessfulSessionCount() + 1000, 0), List.of())).toList();
        return new Report(r.organizationName(), r.dateRange(), r.contactInfo(), r.reportId(), policies);
    }

    private static Provenance https(String origin) {
        return new Provenance(Channel.HTTPS, NOW, origin, null, null);
    }

    private static Provenance smtp(String dkim) {
        return new Provenance(Channel.SMTP, NOW, "127.0.0.1", "<m@example.com>", dkim);
    }

    private void assertConsistent() throws Exception {
        RollupCheck.assertRollupsMatchRawRows(db);
        DashboardRollupCheck.assertDashboardRollupsMatchRawRows(db);
    }

    private List<Object> counted() throws Exception {
        return rows("SELECT successful_sessions, failed_sessions, dkim_verified FROM report").get(0);
    }

    /** Rows alike on both databases: numbers and flags as long (1 = true), bytes as hex. */
    private List<List<Object>> rows(String sql) throws Exception {
        return Sql.rows(db, sql).stream().map(row -> row.stream().map(v -> (Object) switch (v) {
            case Number n -> n.longValue();
            case Boolean b -> b ? 1L : 0L;
            case byte[] b -> java.util.HexFormat.of().formatHex(b);
            case null, default -> v;
        }).toList()).toList();
    }

    @Test
    void aForgeryPostedFirstIsDisplacedByTheDkimVerifiedReport() throws Exception {
        Report real = genuine();
        Report forged = forgedOf(real);
        assertThat(ingest.ingest(WRITER.write(forged), https("203.0.113.9")).status()).isEqualTo(IngestStatus.STORED);

        IngestOutcome out = ingest.ingest(WRITER.write(real), smtp("pass d=example.com"));

        assertThat(out.status()).isEqualTo(IngestStatus.STORED);
        assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(1);
        assertThat(counted().subList(0, 2)).containsExactly(real.totalSuccessfulSessions(), real.totalFailureSessions());
        assertThat(counted().get(2)).isEqualTo(1L);
        assertThat(rows("SELECT i.channel FROM report r JOIN raw_input i ON i.id = r.raw_input_id"))
                .containsExactly(List.of("smtp"));
        assertThat(rows("""
                SELECT i.origin, k.displaced, q.kind, q.reason FROM report_contender k
                JOIN raw_input i ON i.id = k.raw_input_id JOIN quarantine q ON q.raw_input_id = k.raw_input_id"""))
                .hasSize(1).first().satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("203.0.113.9");
                    assertThat(row.get(1)).isEqualTo(1L);
                    assertThat(row.get(2)).isEqualTo(Quarantine.CONFLICT);
                    assertThat(row.get(3)).isEqualTo(Quarantine.DISPLACED_REASON);
                });
        assertConsistent();

        ReportDetail page = new ReportQueryService(db).get(Scope.wholeHub(), Sql.count(db, "SELECT id FROM report")).orElseThrow();
        assertThat(page.dkimVerified()).isTrue();
        assertThat(page.contenders()).singleElement().satisfies(k -> {
            assertThat(k.displaced()).isTrue();
            assertThat(k.inQuarantine()).isTrue();
            assertThat(k.origin()).isEqualTo("203.0.113.9");
        });
    }

    @Test
    void aForgeryAfterTheVerifiedReportIsHeldForReviewAndItsRetriesAreNotMultiplied() throws Exception {
        Report real = genuine();
        ingest.ingest(WRITER.write(real), smtp("pass d=example.com"));
        byte[] forged = WRITER.write(forgedOf(real));

        for (int i = 0; i < 3; i++) {
            IngestOutcome out = ingest.ingest(forged, https("203.0.113.9"));
            assertThat(out.status()).isEqualTo(IngestStatus.QUARANTINED);
            assertThat(out.kind()).isEqualTo(Quarantine.CONFLICT);
            assertThat(out.reason()).isEqualTo(Quarantine.HELD_REASON);
        }

        assertThat(counted()).containsExactly(real.totalSuccessfulSessions(), real.totalFailureSessions(), 1L);
        assertThat(Sql.count(db, "SELECT count(*) FROM raw_input")).as("the forgery is archived once").isEqualTo(2);
        assertThat(Sql.count(db, "SELECT count(*) FROM report_contender WHERE displaced = FALSE")).isEqualTo(1);
        assertThat(rows("SELECT kind, reason FROM quarantine")).containsExactly(List.of(Quarantine.CONFLICT, Quarantine.HELD_REASON));
        assertThat(Sql.count(db, "SELECT count(*) FROM report_sighting")).isZero();
        assertConsistent();
    }

    @Test
    void withoutSignaturesTheFirstStaysCountedAndTheOtherIsKeptInReview() throws Exception {
        Report real = genuine();
        ingest.ingest(WRITER.write(forgedOf(real)), https("203.0.113.9"));

        IngestOutcome out = ingest.ingest(WRITER.write(real), https("198.51.100.4"));

        assertThat(out.status()).isEqualTo(IngestStatus.QUARANTINED);
        assertThat(counted()).containsExactly(forgedOf(real).totalSuccessfulSessions(), 0L, 0L);
        assertThat(rows("SELECT i.origin FROM quarantine q JOIN raw_input i ON i.id = q.raw_input_id"))
                .containsExactly(List.of("198.51.100.4"));
        assertConsistent();
    }

    @Test
    void theSameReportPrettyPrintedOrGzippedIsStillADuplicate() throws Exception {
        Report real = genuine();
        ingest.ingest(WRITER.write(real), https("a"));
        assertThat(ingest.ingest(WRITER.write(real, true), https("b")).status()).isEqualTo(IngestStatus.DUPLICATE);
        assertThat(ingest.ingest(gzip(WRITER.write(real)), https("c")).status()).isEqualTo(IngestStatus.DUPLICATE);
        // A verified copy of the same content changes nothing either: there is nothing to displace.
        assertThat(ingest.ingest(WRITER.write(real), smtp("pass d=example.com")).status()).isEqualTo(IngestStatus.DUPLICATE);

        assertThat(Sql.count(db, "SELECT count(*) FROM report_sighting")).isEqualTo(3);
        assertThat(Sql.count(db, "SELECT count(*) FROM quarantine")).isZero();
        assertThat(Sql.count(db, "SELECT count(*) FROM report_contender")).isZero();
    }

    @Test
    void aForgeryAndTheVerifiedReportInOneTransactionLeaveTheVerifiedOneCounted() throws Exception {
        Report real = genuine();
        List<IngestOutcome> out = ingest.commit(List.of(
                ingest.prepare(WRITER.write(forgedOf(real)), https("203.0.113.9")),
                ingest.prepare(WRITER.write(real), smtp("pass d=example.com"))));

        assertThat(out).extracting(IngestOutcome::status).containsExactly(IngestStatus.STORED, IngestStatus.STORED);
        assertThat(counted()).containsExactly(real.totalSuccessfulSessions(), real.totalFailureSessions(), 1L);
        assertThat(Sql.count(db, "SELECT count(*) FROM report_contender WHERE displaced = TRUE")).isEqualTo(1);
        assertConsistent();
    }

    @Test
    void aSightingOfTheDisplacedContentMovesWithItToReview() throws Exception {
        Report real = genuine();
        byte[] forged = WRITER.write(forgedOf(real));
        ingest.ingest(forged, https("first"));
        ingest.ingest(WRITER.write(forgedOf(real), true), https("again")); // a sighting of the forgery

        ingest.ingest(WRITER.write(real), smtp("pass d=example.com"));

        assertThat(Sql.count(db, "SELECT count(*) FROM report_sighting")).isZero();
        assertThat(rows("SELECT i.origin FROM report_contender k JOIN raw_input i ON i.id = k.raw_input_id ORDER BY i.origin"))
                .containsExactly(List.of("again"), List.of("first"));
        assertConsistent();
    }

    @Test
    void anOrganisationNameIsNeverTheIdentityOfASignedReport() throws Exception {
        Report claimsGoogle = new Report("google.com", genuine().dateRange(), null, "2026-03-01T00:00:00Z_x", genuine().policies());

        ingest.ingest(WRITER.write(claimsGoogle), smtp("pass d=attacker.example"));
        ingest.ingest(WRITER.write(claimsGoogle), https("203.0.113.9"));

        assertThat(rows("SELECT reporter_key, dkim_verified FROM report ORDER BY reporter_key")).containsExactly(
                List.of("attacker.example", 1L), List.of("google.com", 0L));
        // The real google.com, verified, displaces the unsigned claim to its name.
        Report realGoogle = forgedOf(new Report("Google Inc.", claimsGoogle.dateRange(), "smtp-tls-reporting@google.com",
                claimsGoogle.reportId(), claimsGoogle.policies()));
        assertThat(ingest.ingest(WRITER.write(realGoogle), smtp("pass d=google.com")).status()).isEqualTo(IngestStatus.STORED);
        assertThat(rows("SELECT reporter_key, organization_name, dkim_verified FROM report ORDER BY reporter_key"))
                .containsExactly(List.of("attacker.example", "google.com", 1L), List.of("google.com", "Google Inc.", 1L));
        assertConsistent();
    }

    @Test
    void reprocessingLeavesAHeldInputHeldAndTheCountedReportAlone() throws Exception {
        Report real = genuine();
        ingest.ingest(WRITER.write(real), smtp("pass d=example.com"));
        ingest.ingest(WRITER.write(forgedOf(real)), https("203.0.113.9"));
        List<Object> before = counted();

        ReprocessService.Result quarantined = new ReprocessService(db, ingest).run(false, Actor.system());
        ReprocessService.Result all = new ReprocessService(db, ingest).run(true, Actor.system());

        assertThat(quarantined.released()).isZero();
        assertThat(quarantined.stillQuarantined()).isEqualTo(1);
        assertThat(all.released()).isZero();
        assertThat(counted()).isEqualTo(before);
        assertThat(Sql.count(db, "SELECT count(*) FROM quarantine WHERE kind = 'CONFLICT'")).isEqualTo(1);
        assertConsistent();
    }

    @Test
    void reopeningFillsHashesAndFlagsMissingFromEarlierReleases() throws Exception {
        Report real = genuine();
        ingest.ingest(WRITER.write(real), smtp("pass d=example.com"));
        ingest.ingest(WRITER.write(GENERATOR.report(2, 1, 0)), https("other"));
        String rows = "SELECT id, content_hash, dkim_verified FROM report ORDER BY id";
        List<List<Object>> filled = rows(rows);
        assertThat(filled).allSatisfy(row -> assertThat(row.get(1)).isNotNull());
        Sql.update(db, "UPDATE report SET content_hash = NULL, dkim_verified = FALSE");
        String url = db.withConnection(c -> c.getMetaData().getURL());
        db.close();

        db = Database.open(url);
        ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());

        assertThat(rows(rows)).isEqualTo(filled);
        assertThat(ingest.ingest(WRITER.write(real, true), https("retry")).status()).isEqualTo(IngestStatus.DUPLICATE);
        assertThat(ingest.ingest(WRITER.write(forgedOf(real)), https("forged")).status()).isEqualTo(IngestStatus.QUARANTINED);
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }
}
