package org.tlsrpthub.hub.alerts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;

/** Incidents for the CLI, the pages and the API: evaluation, lists, acknowledging and snoozing. */
public final class AlertService {
    public static final int MAX_SIZE = 500;
    /** A snooze longer than this is a mistake rather than a plan. */
    static final Duration MAX_SNOOZE = Duration.ofDays(90);

    private final Database db;
    private final Clock clock;
    private final AlertSettings settings;
    private final Evaluator evaluator;
    private final Reconciler reconciler;
    private final AuditLog audit;

    public AlertService(Database db, Clock clock, AlertSettings settings, TransitionSink sink) {
        this(db, clock, settings, sink, MtaStsSource.NONE);
    }

    /** @param mtaSts readiness, enforced failures and stale reporters (the readiness service), for the MTA-STS rules */
    public AlertService(Database db, Clock clock, AlertSettings settings, TransitionSink sink, MtaStsSource mtaSts) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.evaluator = new Evaluator(settings, mtaSts);
        this.reconciler = new Reconciler(settings.resolveAfter(), sink);
        this.audit = new AuditLog(db, clock);
    }

    public AlertSettings settings() {
        return settings;
    }

    /** The conditions present at {@code at}, over every domain and the hub: what {@code alerts evaluate} prints. Changes nothing. */
    public Evaluation dryRun(Instant at) throws SQLException {
        return db.withCachedStatements(c -> evaluator.evaluate(c, at, null));
    }

    /** Evaluates at {@code at} (every domain when {@code domains} is null) and applies the result to the incidents. */
    public IncidentChanges run(Instant at, Collection<String> domains) throws SQLException {
        Evaluation e = db.withCachedStatements(c -> evaluator.evaluate(c, at, domains));
        return db.inTransaction(c -> reconciler.apply(c, e));
    }

    public IncidentPage list(Scope scope, IncidentFilter filter, int page, int size) throws SQLException {
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        return db.withConnection(c -> IncidentQueries.list(c, scope, filter, page, size));
    }

    public Optional<IncidentDetail> get(Scope scope, long id) throws SQLException {
        return db.withConnection(c -> {
            Optional<Incident> i = IncidentQueries.one(c, scope, id);
            if (i.isEmpty()) return Optional.<IncidentDetail>empty();
            return Optional.of(new IncidentDetail(i.get(), IncidentQueries.history(c, id)));
        });
    }

    /** The open incidents of one domain, most severe first (the domain page). */
    public List<Incident> openOf(Scope scope, String domain) throws SQLException {
        return list(scope, new IncidentFilter(domain, null, null, Incident.OPEN), 0, MAX_SIZE).items();
    }

    public Map<String, OpenIncidents> openPerDomain(Scope scope) throws SQLException {
        return db.withConnection(c -> IncidentQueries.openPerDomain(c, scope));
    }

    /** Open incidents keyed "severity\nrule", for {@code tlsrpt_incidents_open}. */
    public Map<String, Long> openCounts(Scope scope) throws SQLException {
        return db.withConnection(c -> IncidentQueries.openCounts(c, scope));
    }

    /** Records who acknowledged the incident and when; empty when the scope does not see it. */
    public Optional<Incident> acknowledge(Scope scope, long id, Actor actor) throws SQLException {
        return db.inTransaction(c -> {
            Optional<Incident> found = IncidentQueries.one(c, scope, id);
            if (found.isEmpty()) return found;
            long at = clock.millis();
            try (var ps = c.prepareStatement(IncidentSql.ACK)) {
                ps.setString(1, actor.name());
                ps.setLong(2, at);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            Reconciler.event(c, id, at, "acknowledged", found.get().severity(), actor.name(), "acknowledged by " + actor.name());
            audit.record(c, AuditEvent.of(actor, AuditAction.INCIDENT_ACKNOWLEDGED).org(found.get().org()).target("incident " + id)
                    .detail(found.get().summary()));
            return IncidentQueries.one(c, scope, id);
        });
    }

    /** Holds the incident's update notifications until {@code until}; empty when the scope does not see it. */
    public Optional<Incident> snooze(Scope scope, long id, Instant until, Actor actor) throws SQLException {
        Instant now = clock.instant();
        if (!until.isAfter(now)) throw new IllegalArgumentException("snooze until " + until + ": that is not in the future");
        if (until.isAfter(now.plus(MAX_SNOOZE))) throw new IllegalArgumentException("snooze until " + until + ": at most 90 days ahead");
        return db.inTransaction(c -> {
            Optional<Incident> found = IncidentQueries.one(c, scope, id);
            if (found.isEmpty()) return found;
            try (var ps = c.prepareStatement(IncidentSql.SNOOZE)) {
                ps.setString(1, actor.name());
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, until.toEpochMilli());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            Reconciler.event(c, id, now.toEpochMilli(), "snoozed", found.get().severity(), actor.name(), "snoozed until " + until);
            audit.record(c, AuditEvent.of(actor, AuditAction.INCIDENT_SNOOZED).org(found.get().org()).target("incident " + id)
                    .after(AuditEvent.state("until", until.toString())));
            return IncidentQueries.one(c, scope, id);
        });
    }
}
