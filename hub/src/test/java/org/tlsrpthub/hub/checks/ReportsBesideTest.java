package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.TwoOrgs;

/**
 * Every verdict of the reports beside the live state, on stored reports (TwoOrgs: senders said
 * certificate-expired on mx.a.example on 2026-02-10, under a policy "mode: enforce, mx: a.example,
 * max_age: 86400") and checks built by hand.
 */
class ReportsBesideTest {
    private static final String D = TwoOrgs.A_DOMAIN;
    private static final String MX = "mx." + D;
    private static final String REPORTED_POLICY = "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 86400\n";

    @TempDir Path dir;
    Database db;
    ReportsBeside beside;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        TwoOrgs.load(db);
        beside = new ReportsBeside(db, TwoOrgs.CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant hoursAgo(int h) {
        return TwoOrgs.NOW.minus(Duration.ofHours(h));
    }

    private static DomainCheck check(Instant at, MxHost... hosts) {
        return CheckFixture.healthy(D, at).policyText(REPORTED_POLICY).mx(hosts).build();
    }

    private static MxHost fine() {
        return CheckFixture.host(MX, "aa", "2026-05-01T00:00:00Z", 70, true);
    }

    private static MxHost untrusted() {
        return CheckFixture.host(MX, "bb", "2026-05-01T00:00:00Z", 70, false);
    }

    private static List<StoredCheck> history(DomainCheck... newestFirst) {
        long id = newestFirst.length;
        List<StoredCheck> out = new java.util.ArrayList<>();
        for (DomainCheck c : newestFirst) out.add(new StoredCheck(id--, "schedule", c));
        return out;
    }

    private ReportsBeside.MxLine line(ReportsBeside.View v) {
        assertThat(v.mx()).extracting(ReportsBeside.MxLine::host).containsExactly(MX);
        return v.mx().getFirst();
    }

    @Test
    void withoutACheckTheReportsStandAlone() throws Exception {
        ReportsBeside.View v = beside.view(D, null, List.of());
        assertThat(v.checkedAt()).isNull();
        ReportsBeside.MxLine l = line(v);
        assertThat(l.reported()).extracting(ReportsBeside.Reported::resultType).containsExactly("certificate-expired");
        assertThat(l.live()).isNull();
        assertThat(l.verdict()).isNull();
        assertThat(v.policies()).extracting(ReportsBeside.PolicyLine::verdict).containsOnlyNulls();
    }

    @Test
    void aHostTheProbeSeesFineIsFixedSinceTheFirstOfTheFineChecksInARow() throws Exception {
        DomainCheck now = check(hoursAgo(0), fine());
        DomainCheck sixHoursAgo = check(hoursAgo(6), fine());
        DomainCheck broken = check(hoursAgo(12), untrusted());
        ReportsBeside.MxLine l = line(beside.view(D, now, history(now, sixHoursAgo, broken, check(hoursAgo(18), fine()))));
        assertThat(l.verdict()).isEqualTo(ReportsBeside.FIXED);
        assertThat(l.fineSince()).isEqualTo(hoursAgo(6));
        assertThat(l.live()).isEqualTo("STARTTLS offered, certificate trusted, valid until 2026-05-01T00:00:00Z");
    }

    @Test
    void aHostTheProbeSeesBrokenTooIsStillFailing() throws Exception {
        DomainCheck now = check(hoursAgo(0), untrusted());
        ReportsBeside.MxLine l = line(beside.view(D, now, history(now)));
        assertThat(l.verdict()).isEqualTo(ReportsBeside.STILL_FAILING);
        assertThat(l.fineSince()).isNull();
        assertThat(l.live()).contains("certificate not trusted");

        DomainCheck noTls = check(hoursAgo(0), CheckFixture.noStarttls(MX));
        assertThat(line(beside.view(D, noTls, history(noTls))).verdict()).isEqualTo(ReportsBeside.STILL_FAILING);
        assertThat(line(beside.view(D, noTls, history(noTls))).live()).isEqualTo("STARTTLS not-offered");
    }

    @Test
    void aReportedHostThatIsNoLongerAnMxIsSaidSo() throws Exception {
        DomainCheck now = check(hoursAgo(0), CheckFixture.host("mx2." + D, "cc", "2026-05-01T00:00:00Z", 70, true));
        ReportsBeside.MxLine l = line(beside.view(D, now, history(now)));
        assertThat(l.verdict()).isEqualTo(ReportsBeside.NO_LONGER_MX);
        assertThat(l.live()).isEqualTo("not an MX of the domain now");
    }

    @Test
    void theReportedPolicyIsCurrentWhenItsLinesMatchTheLiveOneInAnyOrderAndStaleOtherwise() throws Exception {
        DomainCheck same = CheckFixture.healthy(D, hoursAgo(0)).mx(fine())
                .policyText("max_age: 86400\r\nmx: a.example\r\nversion: STSv1\r\nMode: enforce\r\n").build();
        List<ReportsBeside.PolicyLine> current = beside.view(D, same, history(same)).policies();
        assertThat(current).isNotEmpty();
        assertThat(current).extracting(ReportsBeside.PolicyLine::verdict).containsOnly(ReportsBeside.CURRENT);

        DomainCheck testing = CheckFixture.healthy(D, hoursAgo(0)).mx(fine())
                .policyText("version: STSv1\nmode: testing\nmx: a.example\nmax_age: 86400\n").build();
        assertThat(beside.view(D, testing, history(testing)).policies()).extracting(ReportsBeside.PolicyLine::verdict)
                .containsOnly(ReportsBeside.STALE);
    }
}
