package org.tlsrpthub.hub.serve;

import org.tlsrpthub.hub.alerts.MtaStsSource;
import org.tlsrpthub.hub.readiness.ReadinessColumnJob;
import org.tlsrpthub.hub.readiness.ReadinessService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.hub.alerts.TransitionSink;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.AlertsJob;
import org.tlsrpthub.hub.alerts.IngestEvaluations;
import org.tlsrpthub.hub.api.ApiRoutes;
import org.tlsrpthub.hub.api.ApiServices;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.RouteRules;
import org.tlsrpthub.hub.auth.SetupToken;
import org.tlsrpthub.hub.checks.DomainChecker;
import org.tlsrpthub.hub.checks.Checkers;
import org.tlsrpthub.hub.checks.LiveChecks;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.hosting.HostingService;
import org.tlsrpthub.hub.http.HttpServer;
import org.tlsrpthub.hub.hosting.PolicyFileRoutes;
import org.tlsrpthub.hub.hosting.PolicyListener;
import org.tlsrpthub.hub.hosting.PolicyServing;
import org.tlsrpthub.hub.http.HttpSettings;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.ingest.IngestObserver;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.jobs.JobSettings;
import org.tlsrpthub.hub.jobs.Jobs;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.junk.JunkSettings;
import org.tlsrpthub.hub.metrics.CheckMetrics;
import org.tlsrpthub.hub.metrics.IngestMetrics;
import org.tlsrpthub.hub.metrics.MetricsRoutes;
import org.tlsrpthub.hub.metrics.PolicyMetrics;
import org.tlsrpthub.hub.notifications.Notifications;
import org.tlsrpthub.hub.retention.RetentionJob;
import org.tlsrpthub.hub.oidc.SsoService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.web.WebApp;

/**
 * Everything {@code serve} runs, started in order and stopped in reverse: the group committer,
 * the HTTP server, the receivers, then the background jobs. Stopping ends the jobs and closes the
 * doors first (HTTP, receivers), lets their in-flight inputs commit, then stops the committer; the
 * database is the caller's.
 */
public final class Hub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private final GroupCommitter committer;
    private final AccessService access;
    private final HttpServer http;
    private final PolicyListener policies;
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Receiver> started = new ArrayList<>();
    private final Database db;
    private final Clock clock;
    private final List<Job> jobs = new ArrayList<>();
    private final JobSettings jobSettings;
    private final Notifications notifications;
    private Jobs runningJobs;
    private final IngestEvaluations afterIngest;

    /** @param receivers builds the non-HTTP receivers (SMTP, IMAP, Maildir) from the settings and the shared services */
    public Hub(Settings settings, Database db, Clock clock, Function<Services, List<Receiver>> receivers) {
        this(settings, db, clock, receivers, Checkers.fromSettings(settings, clock));
    }

    /** @param checker runs the live checks: "check now", the API and the scheduled rounds */
    public Hub(Settings settings, Database db, Clock clock, Function<Services, List<Receiver>> receivers, DomainChecker checker) {
        HttpSettings hs = HttpSettings.from(settings);
        // before any thread is started: a bad policy certificate pair stops the start here, naming the file
        Optional<PolicyListener.Setup> policySetup = PolicyListener.setup(settings);
        // first, before any thread is started: a misconfigured identity provider stops the start here
        SsoService sso = SsoService.start(settings, db, clock);
        PrometheusRegistry metrics = new PrometheusRegistry();
        // One ingest service for every path. Its input limit is the core default unless HTTP bodies may
        // be larger (each receiver enforces its own size limit before decoding).
        Limits limits = Limits.DEFAULTS.withMaxInputBytes(Math.max(hs.maxBodyBytes(), Limits.DEFAULTS.maxInputBytes()));
        this.notifications = Notifications.from(settings, db, clock, metrics);
        // one readiness service for pages, API, the MTA-STS alert rules and the job that keeps the overview's MTA-STS column judged
        ReadinessService readiness = ReadinessService.of(db, clock, settings);
        // a bad alert setting stops the start here, naming the key; transitions go to the notification outbox
        AlertService alerts = new AlertService(db, clock, AlertSettings.from(settings), notifications.outbox(), MtaStsSource.of(readiness));
        this.afterIngest = alerts.settings().enabled() ? new IngestEvaluations(alerts, clock) : null;
        IngestObserver observer = afterIngest == null ? new IngestMetrics(metrics) : new IngestMetrics(metrics).and(afterIngest);
        IngestService ingest = new IngestService(db, new CoreInputDecoder(limits), clock, observer);
        this.committer = new GroupCommitter(ingest, hs.queueLimit(), hs.batchLimit(), hs.commitTimeout());
        this.http = new HttpServer(hs, db, ingest, committer, new JunkQuarantine(JunkSettings.from(settings), db, clock), clock);
        // the access gate comes with the pages; it guards the API and metrics registered after it too
        LiveChecks checks = new LiveChecks(settings, db, clock, checker, new CheckMetrics(metrics));
        HostingService hosting = new HostingService(db, clock, readiness, checks.service());
        new WebApp(db, ingest, clock, sso, readiness, alerts, checks.service(), hosting).register(http.app(), hs.path());
        ApiRoutes.register(http.app(), ApiServices.of(db, ingest, sso, readiness, clock, alerts, checks.service(), hosting));
        new MetricsRoutes(metrics, db, alerts).register(http.app());
        // hosted MTA-STS policies: on this listener (behind a reverse proxy), and on their own HTTPS one when set
        PolicyServing serving = new PolicyServing(db, clock, new PolicyMetrics(metrics));
        new PolicyFileRoutes(serving).register(http.app(), true);
        this.policies = policySetup.map(p -> new PolicyListener(p, serving)).orElse(null);
        List<String> unruled = RouteRules.hub(hs.path()).missing(http.app());
        if (!unruled.isEmpty()) log.error("event=routes-without-rule routes=\"{}\" hint=\"they answer 500 until RouteRules has them\"", unruled);
        this.access = new AccessService(db, clock);
        this.receivers.addAll(receivers.apply(new Services(settings, db, ingest, committer, clock)));
        this.db = db;
        this.clock = clock;
        this.jobSettings = JobSettings.from(settings);
        RetentionJob.from(settings, db, clock).ifPresent(jobs::add);
        checks.job().ifPresent(jobs::add);
        jobs.addAll(notifications.jobs());
        AlertsJob.of(alerts, clock).ifPresent(jobs::add);
        jobs.add(ReadinessColumnJob.of(settings, readiness));
    }

    /** Where the incident engine writes its transitions: the notification outbox. */
    public TransitionSink transitionSink() {
        return notifications.outbox();
    }

    /** What a receiver may use. */
    public record Services(Settings settings, Database db, IngestService ingest, GroupCommitter committer, Clock clock) {}

    /** Starts everything; when a part fails to start, what was started is stopped again. */
    public Hub start() throws Exception {
        SetupToken.announceIfNeeded(access, db, clock);
        try {
            http.start();
            log.info("event=started component=http url={}", http.reportUrl());
            if (policies != null) {
                policies.start();
                log.info("event=started component=mta-sts url={} hosts=\"{}\"", policies.baseUrl(), String.join(",", policies.hosts()));
            }
            for (Receiver r : receivers) {
                r.start();
                started.add(r);
                log.info("event=started component=\"{}\"", r.name());
            }
            runningJobs = Jobs.start(db, jobs, jobSettings, clock);
        } catch (Exception | Error e) {
            try {
                close(); // also ends the committer's thread, which would keep the JVM alive
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return this;
    }

    public GroupCommitter committer() {
        return committer;
    }

    public HttpServer http() {
        return http;
    }

    /** The HTTPS listener serving only hosted policies, when {@code mta-sts.https.port} is set. */
    public Optional<PolicyListener> policyListener() {
        return Optional.ofNullable(policies);
    }

    @Override
    public void close() {
        log.info("event=stopping");
        if (runningJobs != null) runningJobs.close();
        try {
            http.close();
        } catch (RuntimeException e) {
            // A server that never started fully may fail to stop; the rest must still be closed.
            log.warn("event=http-close-failed error=\"{}\"", e.toString());
        }
        if (policies != null) {
            try {
                policies.close();
            } catch (RuntimeException e) {
                log.warn("event=mta-sts-close-failed error=\"{}\"", e.toString());
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("event=receiver-close-failed component=\"{}\" error=\"{}\"", started.get(i).name(), e.toString());
            }
        }
        committer.close(); // commits whatever the closed doors still handed in
        if (afterIngest != null) afterIngest.close();
        log.info("event=stopped");
    }
}
