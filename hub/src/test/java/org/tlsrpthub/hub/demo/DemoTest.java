package org.tlsrpthub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.analysis.DomainOverview;
import org.tlsrpthub.hub.analysis.DomainStatus;
import org.tlsrpthub.hub.analysis.OverviewQuery;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.SqliteTuning;

/** The demo tells its story: each domain shows the status it was written for. */
class DemoTest {
    @TempDir Path dir;

    @Test
    void eachDemoDomainHasTheStatusOfItsStoryAndTheDemoUserSignsIn() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = Demo.open(dir, SqliteTuning.DEFAULT)) {
            assertThat(Demo.fill(db, clock)).isGreaterThan(1_500);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(statuses(db, clock, Period.preset("30d", today))).containsAllEntriesOf(Map.of(
                    "healthy.example", DomainStatus.HEALTHY,
                    "failing.example", DomainStatus.FAILING,
                    "expired-cert.example", DomainStatus.DEGRADED,
                    "silent.example", DomainStatus.SILENT));
            // the certificate was renewed: the last week is clean again
            assertThat(statuses(db, clock, Period.preset("7d", today))).containsEntry("expired-cert.example", DomainStatus.HEALTHY);
            assertThat(new AccessService(db, clock).signIn(Demo.USER, Demo.PASSWORD.toCharArray())).isPresent();
        }
        // a second start recreates the database instead of failing on the existing user
        try (Database db = Demo.open(dir, SqliteTuning.DEFAULT)) {
            assertThat(Demo.fill(db, clock)).isGreaterThan(1_500);
        }
    }

    private static Map<String, DomainStatus> statuses(Database db, Clock clock, Period period) throws Exception {
        var page = new OverviewService(db, clock).overview(Scope.wholeHub(),
                new OverviewQuery(period, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 100));
        return page.domains().stream().collect(Collectors.toMap(DomainOverview::domain, DomainOverview::status));
    }
}
