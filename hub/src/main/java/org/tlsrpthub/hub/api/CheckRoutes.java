package org.tlsrpthub.hub.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.checks.CoverageFilter;
import org.tlsrpthub.hub.checks.CoverageRow;
import org.tlsrpthub.hub.checks.LiveCheckException;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.json.Json;

/** Live checks: a domain's newest check and history, "check now", and the coverage of every domain (JSON or CSV). */
final class CheckRoutes {
    private final LiveCheckService checks;

    CheckRoutes(ApiServices services) {
        this.checks = services.checks();
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/domains/{domain}/checks", checked(this::history));
        app.post(ApiRoutes.V1 + "/domains/{domain}/checks", checked(this::checkNow));
        app.get(ApiRoutes.V1 + "/coverage", checked(this::coverage));
        app.get(ApiRoutes.V1 + "/coverage.csv", checked(this::coverage));
    }

    private void history(Context ctx) throws SQLException {
        int limit = ApiParams.integer(ctx, "limit", 20, 1, LiveCheckService.MAX_HISTORY);
        Json.render(ctx, checks.history(AccessFilter.scope(ctx), ctx.pathParam("domain"), limit));
    }

    private void checkNow(Context ctx) throws SQLException {
        Json.render(ctx.status(201), checks.checkNow(AccessFilter.scope(ctx), ctx.pathParam("domain"), "now"));
    }

    record CoverageAnswer(String filter, Map<String, Integer> counts, List<CoverageRow> items) {}

    private void coverage(Context ctx) throws SQLException {
        CoverageFilter filter;
        try {
            filter = CoverageFilter.of(ctx.queryParam("filter"));
        } catch (IllegalArgumentException e) {
            throw ApiParams.bad("filter", e.getMessage());
        }
        LiveCheckService.Coverage c = checks.coverage(AccessFilter.scope(ctx), filter);
        if (ApiParams.csv(ctx)) {
            Csv csv = new Csv("domain", "checked_at", "errors", "warnings", "tlsrpt", "reaches_hub", "tlsrpt_publish", "mta_sts",
                    "mta_sts_publish", "policy", "policy_mode", "mx_count", "mx_covered", "starttls_all", "min_days_to_expiry", "dane");
            for (CoverageRow r : c.rows()) {
                csv.row(r.domain(), r.checkedAt() == null ? null : r.checkedAt().toString(), r.errors(), r.warnings(), r.tlsrptStatus(),
                        r.reachesHub(), r.tlsrptPublish(), r.mtaStsRecord(), r.mtaStsPublish(), r.policyStatus(), r.policyMode(),
                        r.mxCount(), r.mxCovered(), r.starttlsAll(), r.minDaysToExpiry(), r.dane());
            }
            csv.render(ctx, "coverage.csv");
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        c.counts().forEach((f, n) -> counts.put(f.id(), n));
        Json.render(ctx, new CoverageAnswer(filter.id(), counts, c.rows()));
    }

    /** The service's refusals as problems: 400 bad input, 403 a role too low, 404 a domain the scope does not see. */
    private static Handler checked(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (LiveCheckException e) {
                throw ApiParams.refused(e.status(), e.getMessage());
            }
        };
    }
}
