package org.tlsrpthub.hub.readiness;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * Generates the reports of a readiness scenario and stores them through the real ingest path: a
 * reporter (its contact domain), a run of days, a policy and the sessions of each day.
 */
final class ReadinessScenario {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Instant NOW = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    static final String DOMAIN = "ready.example";

    static final List<String> MX = List.of("mx1.ready.example", "mx2.ready.example");
    static final List<String> OLD_MX = List.of("old-mx.ready.example");

    record Failure(String resultType, String mx, long sessions) {}

    private static final ReportWriter WRITER = new ReportWriter();

    private final IngestService ingest;
    private int sequence;

    ReadinessScenario(Database db) {
        this.ingest = new IngestService(db, new CoreInputDecoder(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static PolicyResult sts(String mode, List<String> mx, long ok, Failure... failures) {
        List<String> strings = new ArrayList<>(List.of("version: STSv1", "mode: " + mode));
        for (String m : mx) strings.add("mx: " + m);
        strings.add("max_age: 604800");
        return result(new Policy(PolicyType.STS, strings, DOMAIN, mx), ok, failures);
    }

    static PolicyResult noPolicy(long ok, Failure... failures) {
        return result(new Policy(PolicyType.NO_POLICY_FOUND, List.of(), DOMAIN, List.of()), ok, failures);
    }

    private static PolicyResult result(Policy policy, long ok, Failure... failures) {
        List<FailureDetail> details = new ArrayList<>();
        long failed = 0;
        for (Failure f : failures) {
            details.add(new FailureDetail(ResultType.of(f.resultType()), "192.0.2.1", f.mx(), null, null, f.sessions(), null, null));
            failed += f.sessions();
        }
        return new PolicyResult(policy, new Summary(ok, failed), details);
    }

    /** One report per day from {@code daysAgo} days before today to {@code untilDaysAgo} (both included). */
    void daily(String reporter, int daysAgo, int untilDaysAgo, PolicyResult each) throws SQLException {
        for (int d = daysAgo; d >= untilDaysAgo; d--) report(reporter, TODAY.minusDays(d), each);
    }

    void report(String reporter, LocalDate day, PolicyResult... policies) throws SQLException {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Report r = new Report(reporter, new DateRange(start, start.plusSeconds(86_399)), "mailto:tlsrpt@" + reporter,
                reporter + "-" + day + "-" + sequence++, List.of(policies));
        IngestStatus status = ingest.ingest(WRITER.write(r), Provenance.file("scenario-" + sequence + ".json", NOW)).status();
        if (status != IngestStatus.STORED) throw new IllegalStateException("not stored: " + status);
    }
}
