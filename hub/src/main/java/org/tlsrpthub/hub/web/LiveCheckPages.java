package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.checks.CoverageFilter;
import org.tlsrpthub.hub.checks.LiveCheckException;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.checks.ReportsBeside;
import org.tlsrpthub.hub.checks.StoredCheck;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/** The coverage page, the domain page's live-check panel and its "check now" button: thin over LiveCheckService. */
public final class LiveCheckPages {
    private final Pages pages;
    private final LiveCheckService checks;

    LiveCheckPages(Pages pages, LiveCheckService checks) {
        this.pages = pages;
        this.checks = checks;
    }

    void register(Javalin app) {
        app.exception(LiveCheckException.class, (e, ctx) -> {
            ctx.status(e.status());
            pages.render(ctx, "error.jte", PageInfo.of(ctx, e.status() == 404 ? "Not found" : "Cannot do this", ""), "message", e.getMessage());
        });
        app.get("/coverage", this::coverage);
        app.post("/domains/{domain}/checks", this::checkNow);
    }

    /** The domain page's panel: the newest check (null: never checked), the reports beside it, and whether the user may check now. */
    public record LivePanel(String domain, StoredCheck latest, ReportsBeside.View beside, boolean canCheck) {}

    LivePanel domainPanel(Context ctx, String domain) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        try {
            return new LivePanel(domain, checks.latest(scope, domain).orElse(null), checks.beside(scope, domain), scope.may(Role.ANALYST));
        } catch (LiveCheckException e) {
            return null; // a domain seen in no report and not served has no live state to show
        }
    }

    private void coverage(Context ctx) throws SQLException {
        CoverageFilter filter;
        try {
            filter = CoverageFilter.of(ctx.queryParam("filter"));
        } catch (IllegalArgumentException e) {
            throw PageException.badQuery(e.getMessage());
        }
        pages.render(ctx, "coverage.jte", PageInfo.of(ctx, "Coverage", "coverage"), "view", checks.coverage(AccessFilter.scope(ctx), filter));
    }

    private void checkNow(Context ctx) throws SQLException {
        StoredCheck s = checks.checkNow(AccessFilter.scope(ctx), ctx.pathParam("domain"), "now");
        ctx.redirect("/domains/" + Format.url(s.check().domain()) + "#live");
    }
}
