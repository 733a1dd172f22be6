package org.tlsrpthub.hub.api;

import org.tlsrpthub.hub.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.function.Predicate;
import org.tlsrpthub.hub.analysis.DomainOverview;
import org.tlsrpthub.hub.analysis.DomainStatus;
import org.tlsrpthub.hub.analysis.OverviewPage;
import org.tlsrpthub.hub.analysis.OverviewQuery;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.OwnerFilter;
import org.tlsrpthub.hub.ownership.OwnershipException;

/** {@code GET /api/v1/overview}: every domain's health over a period, sorted, filtered and paged. */
final class OverviewRoutes {
    private final ApiServices services;

    OverviewRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/overview", this::overview);
    }

    private void overview(Context ctx) throws Exception {
        OverviewQuery q;
        try {
            q = new OverviewQuery(ApiParams.period(ctx, services.clock(), "7d"), ctx.queryParam("q"), status(ctx),
                    sort(ctx), ApiParams.descending(ctx, false), ApiParams.integer(ctx, "page", 0, 0, 1_000_000),
                    ApiParams.integer(ctx, "size", 50, 1, OverviewQuery.MAX_SIZE));
        } catch (IllegalArgumentException e) {
            throw ApiParams.bad("q", e.getMessage());
        }
        OverviewPage page = services.overview().overview(AccessFilter.scope(ctx), q, ownerFilter(ctx));
        if (!ApiParams.csv(ctx)) {
            Json.render(ctx, page);
            return;
        }
        Csv csv = new Csv("domain", "status", "reports", "successful_sessions", "failed_sessions", "failure_rate",
                "top_failure_type", "last_report_end");
        for (DomainOverview d : page.domains()) {
            csv.row(d.domain(), d.status().id(), d.totals().reports(), d.totals().successfulSessions(),
                    d.totals().failedSessions(), d.totals().failureRate(), d.topFailureType(), d.lastReportEnd());
        }
        csv.render(ctx, "overview-" + q.period().from() + "-" + q.period().to() + ".csv");
    }

    /** {@code owner=mine} or {@code owner=none}: the domains the user owns, or those nobody owns. */
    private Predicate<String> ownerFilter(Context ctx) throws SQLException {
        OwnerFilter f;
        try {
            f = OwnerFilter.of(ctx.queryParam("owner"));
        } catch (OwnershipException e) {
            throw ApiParams.bad("owner", e.getMessage());
        }
        if (f == null) return domain -> true;
        Scope scope = AccessFilter.scope(ctx);
        return services.owners().domains(scope, f, scope.user())::contains;
    }

    private static OverviewQuery.Sort sort(Context ctx) {
        String s = ctx.queryParam("sort");
        try {
            return s == null ? OverviewQuery.Sort.DOMAIN : OverviewQuery.Sort.of(s);
        } catch (IllegalArgumentException e) {
            throw ApiParams.bad("sort", e.getMessage());
        }
    }

    private static DomainStatus status(Context ctx) {
        String s = ctx.queryParam("status");
        if (s == null) return null;
        for (DomainStatus st : DomainStatus.values()) if (st.id().equals(s)) return st;
        throw ApiParams.bad("status", "'" + s + "' is not healthy, degraded, failing or silent");
    }
}
