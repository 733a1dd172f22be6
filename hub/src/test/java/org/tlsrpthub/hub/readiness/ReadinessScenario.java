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
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.MtaStsState;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * Generates the reports of a readiness scenario and stores them through the real ingest path: a
 * reporter (its contact domain), a run of days, a policy and the sessions of each day.
 */
public final class ReadinessScenario {
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    public static final Instant NOW = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    public static final String DOMAIN = "ready.example";

    public static final List<String> MX = List.of("mx1.ready.example", "mx2.ready.example");
    public static final List<String> OLD_MX = List.of("old-mx.ready.example");

    public record Failure(String resultType, String mx, long sessions) {}

    private static final ReportWriter WRITER = new ReportWriter();

    private final IngestService ingest;
    private int sequence;

    public ReadinessScenario(Database db) {
        this.ingest = new IngestService(db, new CoreInputDecoder(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public static PolicyResult sts(String mode, List<String> mx, long ok, Failure... failures) {
        List<String> strings = new ArrayList<>(List.of("version: STSv1", "mode: " + mode));
        for (String m : mx) strings.add("mx: " + m);
        strings.add("max_age: 604800");
        return result(new Policy(PolicyType.STS, strings, DOMAIN, mx), ok, failures);
    }

    public static PolicyResult noPolicy(long ok, Failure... failures) {
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

    /**
     * The scenario the CLI, API and page tests show: two major senders and a small one in testing for
     * 20 days (ready), the small one failing starttls on mx1 (listed), and a fourth reporter still
     * applying the old policy (stale).
     */
    public static void readyWithStaleReporter(Database db) throws SQLException {
        ReadinessScenario s = new ReadinessScenario(db);
        for (String r : List.of("google.com", "microsoft.com")) s.daily(r, 20, 1, sts("testing", MX, 5_000));
        s.daily("small-isp.example", 20, 1, sts("testing", MX, 100, new Failure("starttls-not-supported", MX.get(0), 20)));
        s.daily("late.example", 30, 1, sts("testing", OLD_MX, 100));
    }

    /** Stores a live check that fetched {@code mode} with the usual mx patterns from the domain's policy host. */
    public static void liveCheck(Database db, Instant at, String mode, Finding... findings) throws SQLException {
        MtaStsState sts = new MtaStsState("valid", "v=STSv1; id=1", "1", "valid",
                "https://mta-sts." + DOMAIN + "/.well-known/mta-sts.txt", mode, 604_800L, MX, "version: STSv1\nmode: " + mode + "\n");
        new CheckStore(db, 100).save(new DomainCheck(DOMAIN, at, List.of(findings), null, sts,
                List.of(), new DaneState("inactive", "")), "schedule");
    }

    /** One report per day from {@code daysAgo} days before today to {@code untilDaysAgo} (both included). */
    public void daily(String reporter, int daysAgo, int untilDaysAgo, PolicyResult each) throws SQLException {
        for (int d = daysAgo; d >= untilDaysAgo; d--) report(reporter, TODAY.minusDays(d), each);
    }

    public void report(String reporter, LocalDate day, PolicyResult... policies) throws SQLException {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Report r = new Report(reporter, new DateRange(start, start.plusSeconds(86_399)), "mailto:tlsrpt@" + reporter,
                reporter + "-" + day + "-" + sequence++, List.of(policies));
        IngestStatus status = ingest.ingest(WRITER.write(r), Provenance.file("scenario-" + sequence + ".json", NOW)).status();
        if (status != IngestStatus.STORED) throw new IllegalStateException("not stored: " + status);
    }
}
