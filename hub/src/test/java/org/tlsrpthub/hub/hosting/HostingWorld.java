package org.tlsrpthub.hub.hosting;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.checks.CheckObserver;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.DomainChecker;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.LiveChecks;
import org.tlsrpthub.hub.checks.MtaStsState;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.readiness.LivePolicySource;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.readiness.ReadinessSettings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * A hosting service on a real store, on the readiness scenario's day: the domain ready.example with
 * twenty days of clean testing reports (ready), the readiness service asking the hosted policy
 * first as serve does, and live checks that are either stored by hand ({@link #storeCheck}) or taken
 * by {@link #checker} when an import asks.
 */
final class HostingWorld {
    static final String D = ReadinessScenario.DOMAIN;
    static final Actor ANA = Actor.user("ana", "192.0.2.7", null);

    final Database db;
    final ManualClock clock = new ManualClock();
    final HostingService service;
    /** What a live check taken now (an import) finds; by default no policy at all. */
    DomainChecker checker = d -> check(d, ReadinessScenario.NOW, null, List.of());

    HostingWorld(Database db) {
        this.db = db;
        clock.now = ReadinessScenario.NOW;
        ReadinessService readiness = new ReadinessService(db, Clock.fixed(ReadinessScenario.NOW, ZoneOffset.UTC), ReadinessSettings.DEFAULTS,
                List.of(new HostedPolicySource(), new LivePolicySource()));
        LiveChecks checks = new LiveChecks(Settings.of(Map.of()), db, clock, d -> checker.check(d), CheckObserver.NONE);
        service = new HostingService(db, clock, readiness, checks.service());
    }

    /** The ready scenario's reports: the domain becomes known to the hub. */
    HostingWorld readyReports() throws SQLException {
        ReadinessScenario.readyWithStaleReporter(db);
        return this;
    }

    /** Adds the domain to the served domains: the hub knows it (without a report, so its verdict is not ready). */
    HostingWorld served(String domain) throws SQLException {
        Sql.update(db, "INSERT INTO served_domain (domain, added_at) VALUES (?, 0)", domain);
        return this;
    }

    /** Puts the domain in organisation {@code org} (created if needed). */
    HostingWorld inOrg(String domain, String org) throws SQLException {
        if (Sql.count(db, "SELECT COUNT(*) FROM organisation WHERE slug = ?", org) == 0) {
            Sql.update(db, "INSERT INTO organisation (slug, display_name, created_at) VALUES (?, ?, 0)", org, org);
        }
        Sql.update(db, "DELETE FROM domain_org WHERE domain = ?", domain);
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES (?, ?, 0)", domain, org);
        return this;
    }

    static DomainCheck check(String domain, Instant at, MtaStsState sts, List<String> mxHosts, Finding... findings) {
        List<MxHost> hosts = new ArrayList<>();
        for (String h : mxHosts) hosts.add(new MxHost(h, 10, List.of("192.0.2.1"), "offered", null, null, null));
        return new DomainCheck(domain, at, List.of(findings), null, sts, hosts,
                new DaneState("inactive", "DANE inactive: not signed"));
    }

    static MtaStsState published(String id) {
        return new MtaStsState("valid", "v=STSv1; id=" + id + ";", id, "fetch-error", null, null, null, null, null);
    }

    void storeCheck(DomainCheck check) throws SQLException {
        new CheckStore(db, 100).save(check, "schedule");
    }

    long versions(String domain) throws SQLException {
        return Sql.count(db, "SELECT COUNT(*) FROM hosted_policy_version WHERE domain = ?", domain);
    }

    long audited(String action) throws SQLException {
        return Sql.count(db, "SELECT COUNT(*) FROM audit_log WHERE action = ?", action);
    }

    HostedVersion newest(String domain) throws SQLException {
        return db.withConnection(c -> HostedPolicyStore.newest(c, domain)).orElseThrow();
    }

    static PolicyRequest testing(String... mx) {
        return new PolicyRequest("testing", List.of(mx), 604_800L, "first step", false);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
