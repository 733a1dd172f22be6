package org.tlsrpthub.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * An incident's life on a real database: opened once, updated only on a material change, resolved
 * after its condition has been clear for alerts.resolve-after-hours; each transition handed to the
 * sink in the transaction that makes it; acknowledged and snoozed with who and when.
 */
abstract class IncidentLifecycleContract {
    protected abstract String emptyDatabaseUrl();

    Database db;
    Scenario data;
    final List<IncidentTransition> sent = new CopyOnWriteArrayList<>();
    AlertService alerts;

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
        data = new Scenario(db);
        // resolve after 4 days, so that a clear window can be seen both before and after it; failure-rate alone
        AlertSettings settings = AlertSettings.from(Settings.of(Map.of("alerts.resolve-after-hours", "96",
                "alerts.rule.missing-reports.enabled", "false", "alerts.rule.new-failure-type.enabled", "false",
                "alerts.rule.sender-failing.enabled", "false")));
        alerts = new AlertService(db, Clock.fixed(AT, ZoneOffset.UTC), settings, (c, t) -> {
            // written in the incident's transaction: the incident row is visible on the sink's connection
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM incident WHERE id = ?")) {
                ps.setLong(1, t.incidentId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }
            sent.add(t);
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<IncidentTransition.Kind> kinds() {
        return sent.stream().map(IncidentTransition::kind).toList();
    }

    @Test
    void openThenUpdateOnlyOnAMaterialChangeThenResolveAfterTheConditionIsClear() throws Exception {
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 970, failure("starttls-not-supported", "mx1.a.test", 30))
                .store();
        assertThat(alerts.run(AT, null)).isEqualTo(new IncidentChanges(1, 0, 0));
        assertThat(alerts.run(AT.plus(Duration.ofMinutes(15)), null)).isEqualTo(new IncidentChanges(0, 0, 0));
        assertThat(kinds()).containsExactly(IncidentTransition.Kind.OPENED);
        IncidentTransition opened = sent.get(0);
        assertThat(opened.severity()).isEqualTo("warning");
        assertThat(opened.link()).isEqualTo("/incidents/" + opened.incidentId());

        // a second reporter starts failing too: higher severity and a new reporter
        data.daily("a.test", "s.test", -3, 0, 900, failure("starttls-not-supported", "mx1.a.test", 100)).store();
        assertThat(alerts.run(AT.plus(Duration.ofMinutes(30)), List.of("a.test"))).isEqualTo(new IncidentChanges(0, 1, 0));
        assertThat(alerts.run(AT.plus(Duration.ofMinutes(45)), null).updated()).isZero();
        assertThat(kinds()).containsExactly(IncidentTransition.Kind.OPENED, IncidentTransition.Kind.UPDATED);
        assertThat(sent.get(1).severity()).isEqualTo("critical");

        // clear from 2026-12-04 (the window has no failures); resolved only four days after it was last seen
        Instant clear = AT.plus(Duration.ofDays(3));
        assertThat(alerts.run(clear, null).resolved()).isZero();
        assertThat(alerts.run(AT.plus(Duration.ofDays(4)).plus(Duration.ofHours(1)), null).resolved()).isEqualTo(1);
        assertThat(kinds()).containsExactly(IncidentTransition.Kind.OPENED, IncidentTransition.Kind.UPDATED, IncidentTransition.Kind.RESOLVED);

        IncidentDetail d = alerts.get(Scope.wholeHub(), opened.incidentId()).orElseThrow();
        assertThat(d.incident().state()).isEqualTo(Incident.RESOLVED);
        assertThat(d.history()).extracting(IncidentEvent::kind).containsExactly("opened", "updated", "resolved");
        assertThat((List<?>) d.incident().evidence().get("report_ids")).isNotEmpty();
    }

    @Test
    void stillFiringOnTheSameNumbersMovesOnlyWhenItWasLastSeen() throws Exception {
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 970, failure("starttls-not-supported", "mx1.a.test", 30))
                .store();
        alerts.run(AT, null);
        Incident before = alerts.openOf(Scope.wholeHub(), "a.test").get(0);

        assertThat(alerts.run(AT.plus(Duration.ofMinutes(15)), null)).isEqualTo(new IncidentChanges(0, 0, 0));

        Incident after = alerts.openOf(Scope.wholeHub(), "a.test").get(0);
        assertThat(after.lastSeenAt()).isEqualTo(AT.plus(Duration.ofMinutes(15)));
        assertThat(after).usingRecursiveComparison().ignoringFields("lastSeenAt").isEqualTo(before);
        assertThat((List<?>) after.evidence().get("report_ids")).isNotEmpty();
    }

    @Test
    void theRateDoubledAloneIsAnUpdateALesserRiseOnlyRefreshesTheNumbers() throws Exception {
        // 2.1 % of 3,000 sessions: a warning
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 979, failure("starttls-not-supported", "mx1.a.test", 21))
                .store();
        assertThat(alerts.run(AT, List.of("a.test"))).isEqualTo(new IncidentChanges(1, 0, 0));
        long id = sent.get(0).incidentId();

        // the same reporter, the same severity, 4.30 %: at least twice the rate it opened with
        data.daily("a.test", "r.test", -3, 0, 0, failure("starttls-not-supported", "mx1.a.test", 23)).store();
        assertThat(alerts.run(AT.plus(Duration.ofMinutes(15)), List.of("a.test"))).isEqualTo(new IncidentChanges(0, 1, 0));
        assertThat(sent.get(1).severity()).isEqualTo("warning");

        // 4.77 %: higher, but not twice the 4.30 % of the update
        data.daily("a.test", "r.test", -3, 0, 0, failure("starttls-not-supported", "mx1.a.test", 5)).store();
        assertThat(alerts.run(AT.plus(Duration.ofMinutes(30)), List.of("a.test"))).isEqualTo(new IncidentChanges(0, 0, 0));
        assertThat(kinds()).containsExactly(IncidentTransition.Kind.OPENED, IncidentTransition.Kind.UPDATED);
        Incident refreshed = alerts.get(Scope.wholeHub(), id).orElseThrow().incident();
        assertThat(((Number) refreshed.evidence().get("failed_sessions")).longValue()).as("the numbers refreshed").isEqualTo(147);
        assertThat(refreshed.ratePercent()).as("the rate the next doubling is measured against").isEqualTo(4.3);
    }

    @Test
    void aNewMxAmongTheFailuresIsOneUpdateAndTheSameDataAgainIsNone() throws Exception {
        // 3 % of 3,000 sessions fail on mx1: a warning
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 970, failure("starttls-not-supported", "mx1.a.test", 30))
                .store();
        assertThat(alerts.run(AT, List.of("a.test"))).isEqualTo(new IncidentChanges(1, 0, 0));

        // the next day the same reporter fails on mx2 as well, at a similar rate: same severity, same reporter, a new MX
        data.report("a.test", "r.test", 0, 970, failure("starttls-not-supported", "mx1.a.test", 15),
                failure("starttls-not-supported", "mx2.a.test", 15)).store();
        Instant nextDay = AT.plus(Duration.ofDays(1));
        assertThat(alerts.run(nextDay, List.of("a.test"))).isEqualTo(new IncidentChanges(0, 1, 0));
        assertThat(alerts.run(nextDay.plus(Duration.ofMinutes(15)), List.of("a.test"))).isEqualTo(new IncidentChanges(0, 0, 0));
        assertThat(kinds()).containsExactly(IncidentTransition.Kind.OPENED, IncidentTransition.Kind.UPDATED);
        assertThat(sent.get(1).severity()).isEqualTo("warning");
        assertThat(sent.get(1).evidence()).containsEntry("mx_hosts", List.of("mx1.a.test", "mx2.a.test"))
                .containsEntry("failure_rate_percent", 3.0);
    }

    @Test
    void acknowledgeAndSnoozeRecordWhoAndWhenAndASnoozedIncidentsUpdatesAreNotSent() throws Exception {
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 970, failure("starttls-not-supported", "mx1.a.test", 30))
                .store();
        alerts.run(AT, null);
        long id = sent.get(0).incidentId();
        Actor ann = Actor.user("ann", "192.0.2.7", null);
        Incident acked = alerts.acknowledge(Scope.wholeHub(), id, ann).orElseThrow();
        assertThat(acked.acknowledgedBy()).isEqualTo("ann");
        assertThat(acked.acknowledgedAt()).isEqualTo(AT);
        Incident snoozed = alerts.snooze(Scope.wholeHub(), id, AT.plus(Duration.ofDays(2)), ann).orElseThrow();
        assertThat(snoozed.snoozedBy()).isEqualTo("ann");
        assertThat(snoozed.snoozedUntil()).isEqualTo(AT.plus(Duration.ofDays(2)));
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log WHERE action IN ('incident-acknowledged', 'incident-snoozed') AND actor = 'ann'"))
                .isEqualTo(2);

        data.daily("a.test", "s.test", -3, 0, 900, failure("starttls-not-supported", "mx1.a.test", 100)).store();
        assertThat(alerts.run(AT.plus(Duration.ofHours(1)), null).updated()).isEqualTo(1);
        assertThat(kinds()).containsExactly(IncidentTransition.Kind.OPENED);
        assertThat(alerts.get(Scope.wholeHub(), id).orElseThrow().history()).extracting(IncidentEvent::kind)
                .containsExactly("opened", "acknowledged", "snoozed", "updated");

        assertThatThrownBy(() -> alerts.snooze(Scope.wholeHub(), id, AT.minusSeconds(1), ann)).hasMessageContaining("not in the future");
    }

    @Test
    void anotherOrganisationsIncidentIsNotFound() throws Exception {
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 900, failure("starttls-not-supported", "mx1.a.test", 100))
                .store();
        new OrgService(db, Clock.systemUTC()).create(Scope.wholeHub(), "other", "Other");
        Sql.update(db, "DELETE FROM domain_org WHERE domain = 'a.test'");
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES ('a.test', 'other', 0)");
        alerts.run(AT, null);
        long id = sent.get(0).incidentId();
        assertThat(sent.get(0).org()).isEqualTo("other");
        Scope defaults = new Scope("v", OrgService.DEFAULT_ORG, Role.VIEWER, false);
        Scope other = new Scope("w", "other", Role.VIEWER, false);
        assertThat(alerts.get(defaults, id)).isEmpty();
        assertThat(alerts.acknowledge(defaults, id, Actor.user("v", "192.0.2.7", OrgService.DEFAULT_ORG))).isEmpty();
        assertThat(alerts.list(defaults, IncidentFilter.ALL, 0, 50).matching()).isZero();
        assertThat(alerts.get(other, id)).isPresent();
        assertThat(alerts.openPerDomain(other)).containsEntry("a.test", new OpenIncidents(1, 1));
    }
}
