package org.tlsrpthub.hub.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * Two organisations and what must not leak between them: org-a owns a.example, org-b owns
 * b.example, loose.example is unassigned. One report per domain, one report covering a.example and
 * b.example, a conflicting copy (quarantined) of A's report and of the shared one, and an input that
 * is not a report. Everything of B and of the unassigned domain carries one of {@link #FOREIGN}.
 */
public final class TwoOrgs {
    public static final String A = "org-a";
    public static final String B = "org-b";
    public static final String A_DOMAIN = "a.example";
    public static final String B_DOMAIN = "b.example";
    public static final String LOOSE = "loose.example";
    /** Text that org-a must never see in any answer. */
    public static final List<String> FOREIGN = List.of(B_DOMAIN, "b-secret", LOOSE);
    public static final Instant NOW = Instant.parse("2026-02-20T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final DateRange DAY = new DateRange(Instant.parse("2026-02-10T00:00:00Z"), Instant.parse("2026-02-10T23:59:59Z"));
    private static final ReportWriter WRITER = new ReportWriter();

    /** The hub ids: reports, then quarantined inputs (raw input ids). */
    public record Ids(long aOnly, long bOnly, long both, long loose, long conflictA, long conflictBoth, long broken) {}

    private TwoOrgs() {}

    public static Scope a() {
        return new Scope("alice", A, Role.VIEWER, false);
    }

    public static Scope b() {
        return new Scope("bob", B, Role.ANALYST, false);
    }

    public static Ids load(Database db) throws Exception {
        Sql.update(db, "INSERT INTO organisation (slug, display_name, created_at) VALUES (?, 'A', 0), (?, 'B', 0)", A, B);
        // the assignment rules put each domain in its organisation as its first report is stored; none matches loose.example
        Sql.update(db, "DELETE FROM domain_rule");
        Sql.update(db, "INSERT INTO domain_rule (pattern, org, created_at) VALUES (?, ?, 0), (?, ?, 0)", A_DOMAIN, A, B_DOMAIN, B);
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), CLOCK);
        PolicyResult a = policy(A_DOMAIN, 100, 5, "mx.a.example", "192.0.2.10", "a-info");
        PolicyResult b = policy(B_DOMAIN, 200, 7, "mx.b-secret.example", "192.0.2.66", "b-secret-info");
        PolicyResult aInShared = policy(A_DOMAIN, 10, 0, null, null, null);
        PolicyResult bInShared = policy(B_DOMAIN, 20, 3, "mx2.b-secret.example", "192.0.2.67", "b-secret-shared");
        PolicyResult loose = policy(LOOSE, 1, 1, "mx.loose.example", "192.0.2.99", "loose-info");
        Report aOnly = report("a-only", List.of(a));
        Report shared = report("a-and-b", List.of(aInShared, bInShared));
        for (Report r : List.of(aOnly, report("b-only", List.of(b)), shared, report("loose", List.of(loose)))) {
            expect(ingest, WRITER.write(r), IngestStatus.STORED);
        }
        // the same keys with other numbers: held for review as CONFLICT contenders of the stored reports
        expect(ingest, WRITER.write(report("a-only", List.of(policy(A_DOMAIN, 101, 5, null, null, null)))), IngestStatus.QUARANTINED);
        expect(ingest, WRITER.write(report("a-and-b", List.of(aInShared, policy(B_DOMAIN, 21, 3, null, null, "b-secret-contender")))),
                IngestStatus.QUARANTINED);
        expect(ingest, "b-secret: not a report".getBytes(StandardCharsets.UTF_8), IngestStatus.QUARANTINED);

        return new Ids(report(db, "a-only"), report(db, "b-only"), report(db, "a-and-b"), report(db, "loose"),
                contender(db, "a-only"), contender(db, "a-and-b"),
                Sql.count(db, "SELECT raw_input_id FROM quarantine WHERE raw_input_id NOT IN (SELECT raw_input_id FROM report_contender)"));
    }

    private static void expect(IngestService ingest, byte[] input, IngestStatus status) throws Exception {
        var out = ingest.ingest(input, new Provenance(Channel.HTTPS, NOW, "127.0.0.1", null, null));
        if (out.status() != status) throw new AssertionError("expected " + status + ", got " + out);
    }

    private static long report(Database db, String reportId) throws Exception {
        return Sql.count(db, "SELECT id FROM report WHERE report_id = ?", reportId);
    }

    private static long contender(Database db, String reportId) throws Exception {
        return Sql.count(db, "SELECT k.raw_input_id FROM report_contender k JOIN report r ON r.id = k.report_id WHERE r.report_id = ?",
                reportId);
    }

    private static Report report(String reportId, List<PolicyResult> policies) {
        return new Report("Sender Org", DAY, "mailto:tlsrpt@sender.example", reportId, policies);
    }

    private static PolicyResult policy(String domain, long ok, long failed, String mx, String ip, String info) {
        List<FailureDetail> details = mx == null ? List.of()
                : List.of(new FailureDetail(ResultType.CERTIFICATE_EXPIRED, ip, mx, null, "192.0.2.200", failed, info, null));
        return new PolicyResult(new Policy(PolicyType.STS, List.of("version: STSv1", "mode: enforce", "mx: " + domain,
                "max_age: 86400"), domain, List.of(domain)), new Summary(ok, failed), details);
    }
}
