package org.tlsrpthub.hub.ownership;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.Sql;

/** Organisations, members and reports about chosen domains, written the way the hub writes them. */
public final class OwnershipTestData {
    public static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");
    private static final AtomicInteger REPORTS = new AtomicInteger();

    private OwnershipTestData() {}

    /** Organisation management is another part's; the rows are what it writes. */
    public static void organisation(Database db, String slug) throws Exception {
        Sql.update(db, "INSERT INTO organisation (slug, display_name, created_at) VALUES (?, ?, 0)", slug, "Org " + slug);
    }

    public static void member(Database db, String org, String user, Role role) throws Exception {
        if (Sql.count(db, "SELECT count(*) FROM app_user WHERE name = ?", user) == 0) {
            new AccessService(db, Clock.systemUTC()).addUser(user, "a long enough password".toCharArray(), false);
        }
        Sql.update(db, "INSERT INTO org_member (org, user_name, role) VALUES (?, ?, ?)", org, user, role.text());
    }

    public static Scope scope(String user, String org, Role role) {
        return new Scope(user, org, role, false);
    }

    public static Scope hubAdmin() {
        return new Scope("root", "default", Role.ADMIN, true);
    }

    /** Ingests one report whose policies name {@code domains}; fails unless it is stored. */
    public static void report(IngestService ingest, String... domains) throws Exception {
        List<PolicyResult> policies = new ArrayList<>();
        for (String d : domains) {
            policies.add(new PolicyResult(new Policy(PolicyType.STS, List.of("version: STSv1"), d, List.of()), new Summary(10, 1), List.of()));
        }
        String id = "owners-test-" + REPORTS.incrementAndGet();
        Report r = new Report("Reporter", new DateRange(DAY, DAY.plusSeconds(86_399)), "mailto:tlsrpt@reporter.example", id, policies);
        IngestStatus s = ingest.ingest(new ReportWriter().write(r), Provenance.file(id, DAY)).status();
        if (s != IngestStatus.STORED) throw new AssertionError("report " + id + " was " + s);
    }

    public static List<List<Object>> assignments(Database db) throws Exception {
        return Sql.rows(db, "SELECT domain, org FROM domain_org ORDER BY domain");
    }
}
