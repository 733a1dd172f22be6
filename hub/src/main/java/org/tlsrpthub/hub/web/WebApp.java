package org.tlsrpthub.hub.web;

import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.alerts.AlertService;
import io.javalin.Javalin;
import java.time.Clock;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.analysis.QuarantineQueryService;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.hosting.HostingService;
import org.tlsrpthub.hub.auth.AccessRoutes;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.SignInOptions;
import org.tlsrpthub.hub.auth.RouteRules;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.jobs.JobPages;
import org.tlsrpthub.hub.jobs.JobStatus;
import org.tlsrpthub.hub.notifications.NotificationPages;
import org.tlsrpthub.hub.notifications.NotificationService;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.oidc.SsoRoutes;
import org.tlsrpthub.hub.oidc.SsoService;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;

/** The dashboard: the access gate first, then each page's routes. */
public final class WebApp {
    private final Database db;
    private final IngestService ingest;
    private final Clock clock;
    private final SsoService sso;
    private final ReadinessService readiness;
    private final AlertService alerts;
    private final LiveCheckService checks;
    private final HostingService hosting;
    private final Pages pages = new Pages();

    public WebApp(Database db, IngestService ingest, Clock clock, SsoService sso, ReadinessService readiness,
            AlertService alerts, LiveCheckService checks, HostingService hosting) {
        this.hosting = hosting;
        this.alerts = alerts;
        this.checks = checks;
        this.readiness = readiness;
        this.db = db;
        this.ingest = ingest;
        this.clock = clock;
        this.sso = sso;
    }

    public void register(Javalin app, String reportPath) {
        AccessService access = new AccessService(db, clock);
        OrgService orgs = new OrgService(db, clock);
        new AccessFilter(access, orgs, RouteRules.hub(reportPath)).register(app); // before any page or API route
        new AccessRoutes(access, pages, new SignInOptions(sso.localSignIn(), sso.buttonLabel())).register(app);
        new SsoRoutes(sso, pages).register(app);
        new OrgPages(pages, orgs, access).register(app);
        app.exception(PageException.class, (e, ctx) -> {
            ctx.status(e.status());
            pages.render(ctx, "error.jte", PageInfo.of(ctx, e.status() == 404 ? "Not found" : "Cannot show this page", ""),
                    "message", e.getMessage());
        });
        new ParsePage(pages, ingest, clock).register(app);
        OwnersService owners = new OwnersService(db, clock);
        OwnershipPages ownership = new OwnershipPages(pages, owners, new AssignmentService(db, clock));
        ownership.register(app);
        LiveCheckPages live = new LiveCheckPages(pages, checks);
        live.register(app);
        new OverviewPages(pages, new OverviewService(db, clock), new DomainAnalysisService(db, clock), clock, owners, ownership, readiness, alerts,
                live)
                .register(app);
        new IncidentPages(pages, alerts, clock).register(app);
        new HostingPages(pages, hosting).register(app);
        new ReportPages(pages, new ReportQueryService(db), clock).register(app);
        new QuarantinePages(pages, new QuarantineQueryService(db, new ReprocessService(db, ingest))).register(app);
        new JobPages(new JobStatus(db), pages).register(app);
        new AuditPages(pages, new AuditLog(db, clock)).register(app);
        new NotificationPages(new NotificationService(db, clock), pages).register(app);
    }
}
