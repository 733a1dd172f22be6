package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tlsrpthub.core.InputReader;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.hub.analysis.ReportDetail;
import org.tlsrpthub.hub.analysis.ReportFilter;
import org.tlsrpthub.hub.analysis.ReportPage;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.parse.ReportExplainer;

/** The report list with its filters, one report, and its original bytes. */
public final class ReportPages {
    static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final ReportQueryService reports;
    private final Clock clock;

    ReportPages(Pages pages, ReportQueryService reports, Clock clock) {
        this.pages = pages;
        this.reports = reports;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get("/reports", this::list);
        app.get("/reports/{id}", this::show);
        app.get("/reports/{id}/raw", this::raw);
    }

    public record ReportsView(PeriodParam period, String domain, String sender, String failures, ReportPage result) {
        public long pages() {
            return Math.max(1, (result.matching() + result.size() - 1) / result.size());
        }

        public String link(int page) {
            return "/reports?" + period.query() + "&domain=" + Format.url(domain) + "&sender=" + Format.url(sender)
                    + "&failures=" + Format.url(failures) + "&page=" + page;
        }
    }

    private void list(Context ctx) throws SQLException {
        PeriodParam period = PeriodParam.of(ctx, clock);
        String domain = OverviewPages.orEmpty(ctx.queryParam("domain"));
        String sender = OverviewPages.orEmpty(ctx.queryParam("sender"));
        String failures = OverviewPages.orEmpty(ctx.queryParam("failures")); // "", "yes" or "no"
        Boolean has = failures.equals("yes") ? Boolean.TRUE : failures.equals("no") ? Boolean.FALSE : null;
        ReportPage page = reports.list(AccessFilter.scope(ctx), new ReportFilter(domain.isEmpty() ? null : domain, sender.isEmpty() ? null : sender,
                period.period(), has, OverviewPages.intParam(ctx, "page", 0), PAGE_SIZE));
        pages.render(ctx, "reports.jte", PageInfo.of(ctx, "Reports", "reports"),
                "view", new ReportsView(period, domain, sender, failures, page));
    }

    private void show(Context ctx) throws SQLException {
        ReportDetail r = reports.get(AccessFilter.scope(ctx), id(ctx)).orElseThrow(ReportPages::notFound);
        pages.render(ctx, "report.jte", PageInfo.of(ctx, "Report " + r.reportId(), "reports"), "r", r,
                "plain", plainWords(r));
    }

    /**
     * The CLI's explanation of the stored report, read back from its canonical JSON, so the page and
     * {@code tlsrpt-hub parse} say the same. The stored warnings (from the original bytes) are listed apart.
     */
    static String plainWords(ReportDetail r) {
        try {
            var read = new InputReader(Limits.DEFAULTS).read(r.canonicalJson().getBytes(StandardCharsets.UTF_8), "report " + r.id());
            StringBuilder out = new StringBuilder();
            for (var pr : read.reports()) out.append(new ReportExplainer().explain(new ParsedReport(pr.report(), List.of())));
            return out.toString();
        } catch (ReportParseException e) {
            return "(cannot explain this report: " + e.getMessage() + ")";
        }
    }

    /** The bytes exactly as received, as a download: never rendered inline, whatever they contain. */
    private void raw(Context ctx) throws SQLException {
        long id = id(ctx);
        byte[] bytes = reports.raw(AccessFilter.scope(ctx), id).orElseThrow(ReportPages::notFound);
        ctx.header("Content-Disposition", "attachment; filename=\"report-" + id + ".raw\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/octet-stream").result(bytes);
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    static PageException notFound() {
        return PageException.notFound();
    }
}
