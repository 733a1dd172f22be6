package org.tlsrpthub.hub.api;

import org.tlsrpthub.hub.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.tlsrpthub.hub.analysis.ReportFilter;
import org.tlsrpthub.hub.analysis.ReportPage;
import org.tlsrpthub.hub.auth.AccessFilter;

/** The report list, one report, and its original bytes. */
final class ReportRoutes {
    private final ApiServices services;

    ReportRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/reports", this::list);
        app.get(ApiRoutes.V1 + "/reports/{id}", this::one);
        app.get(ApiRoutes.V1 + "/reports/{id}/raw", this::raw);
    }

    private void list(Context ctx) throws Exception {
        String domain = ctx.queryParam("domain");
        if (domain != null && (domain.length() > 253 || !domain.matches("[A-Za-z0-9._-]*"))) {
            throw ApiParams.bad("domain", "'" + domain + "' is not a domain name");
        }
        String sender = ctx.queryParam("sender");
        if (sender != null && sender.length() > 200) throw ApiParams.bad("sender", "longer than 200 characters");
        ReportPage page = services.reports().list(AccessFilter.scope(ctx), new ReportFilter(domain, sender,
                ApiParams.optionalPeriod(ctx, services.clock()), ApiParams.bool(ctx, "has-failures"),
                ApiParams.integer(ctx, "page", 0, 0, 1_000_000), ApiParams.integer(ctx, "size", 50, 1, ReportFilter.MAX_SIZE)));
        Json.render(ctx, page);
    }

    private void one(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        Json.render(ctx, services.reports().get(AccessFilter.scope(ctx), id).orElseThrow(() -> ApiParams.notFound("no report " + id)));
    }

    private void raw(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        byte[] bytes = services.reports().raw(AccessFilter.scope(ctx), id)
                .orElseThrow(() -> ApiParams.notFound("no original bytes of report " + id + " (unknown report, or removed by retention)"));
        RawDownload.send(ctx, "report-" + id, bytes);
    }
}
