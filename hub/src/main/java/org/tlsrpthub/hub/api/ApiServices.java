package org.tlsrpthub.hub.api;

import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.alerts.AlertService;
import java.time.Clock;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.analysis.QuarantineQueryService;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.hosting.HostingService;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.jobs.JobStatus;
import org.tlsrpthub.hub.notifications.NotificationService;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.oidc.SsoService;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;

/** The services behind the API (and the pages). The clock says what "today" is for period presets. */
public record ApiServices(OverviewService overview, DomainAnalysisService domains, ReportQueryService reports,
        QuarantineQueryService quarantine, JobStatus jobs, AuditLog audit, OwnersService owners, AssignmentService assignment,
        SsoService sso, OrgService orgs, ReadinessService readiness, Clock clock, NotificationService notifications,
        AlertService alerts, LiveCheckService checks, HostingService hosting) {

    public static ApiServices of(Database db, IngestService ingest, SsoService sso, ReadinessService readiness, Clock clock,
            AlertService alerts, LiveCheckService checks, HostingService hosting) {
        return new ApiServices(new OverviewService(db, clock), new DomainAnalysisService(db, clock),
                new ReportQueryService(db), new QuarantineQueryService(db, new ReprocessService(db, ingest)),
                new JobStatus(db), new AuditLog(db, clock), new OwnersService(db, clock), new AssignmentService(db, clock), sso,
                new OrgService(db, clock), readiness, clock, new NotificationService(db, clock), alerts, checks, hosting);
    }
}
