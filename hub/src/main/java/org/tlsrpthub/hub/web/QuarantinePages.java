package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.tlsrpthub.hub.analysis.QuarantinePage;
import org.tlsrpthub.hub.analysis.QuarantineQueryService;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.reprocess.ReprocessService;

/** What could not be stored, why, its raw content (as escaped text) and a reprocess button. */
public final class QuarantinePages {
    static final int PAGE_SIZE = 50;
    /** Enough to recognise the content; the whole input is at the download link. */
    static final int SHOWN_BYTES = 64 * 1024;

    private final Pages pages;
    private final QuarantineQueryService quarantine;

    QuarantinePages(Pages pages, QuarantineQueryService quarantine) {
        this.pages = pages;
        this.quarantine = quarantine;
    }

    void register(Javalin app) {
        app.get("/quarantine", this::list);
        app.get("/quarantine/{id}", this::show);
        app.get("/quarantine/{id}/raw", this::raw);
        app.post("/quarantine/{id}/reprocess", this::reprocess);
    }

    private void list(Context ctx) throws SQLException {
        int page = OverviewPages.intParam(ctx, "page", 0);
        QuarantinePage result = quarantine.list(AccessFilter.scope(ctx), page, PAGE_SIZE);
        pages.render(ctx, "quarantine.jte", PageInfo.of(ctx, "Quarantine", "quarantine"), "result", result,
                "message", ctx.queryParam("done"));
    }

    /** @param text the content decoded as UTF-8 (binary shows as replacement characters), cut at SHOWN_BYTES */
    public record ItemView(QuarantineQueryService.Content content, String text, boolean cut) {}

    private void show(Context ctx) throws SQLException {
        QuarantineQueryService.Content c = quarantine.get(AccessFilter.scope(ctx), ReportPages.id(ctx)).orElseThrow(ReportPages::notFound);
        byte[] b = c.bytes();
        boolean cut = b.length > SHOWN_BYTES;
        String text = new String(b, 0, Math.min(b.length, SHOWN_BYTES), StandardCharsets.UTF_8);
        pages.render(ctx, "quarantine-item.jte", PageInfo.of(ctx, "Quarantined input " + c.input().id(), "quarantine"),
                "item", new ItemView(c, text, cut));
    }

    private void raw(Context ctx) throws SQLException {
        QuarantineQueryService.Content c = quarantine.get(AccessFilter.scope(ctx), ReportPages.id(ctx)).orElseThrow(ReportPages::notFound);
        ctx.header("Content-Disposition", "attachment; filename=\"quarantined-" + c.input().id() + ".raw\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/octet-stream").result(c.bytes());
    }

    private void reprocess(Context ctx) throws SQLException {
        long id = ReportPages.id(ctx);
        ReprocessService.Result r;
        try {
            r = quarantine.reprocess(AccessFilter.scope(ctx), id, RequestActor.of(ctx)).orElseThrow(ReportPages::notFound);
        } catch (ReprocessService.HeldByDkim e) {
            ctx.redirect("/quarantine?done=" + Format.url("Not reprocessed: " + e.getMessage() + "."));
            return;
        }
        String done = r.released() > 0 ? "Input " + id + " was parsed and released (" + r.reportsStored() + " report(s) stored)."
                : "Input " + id + " is still quarantined: today's parser and settings refuse it too.";
        ctx.redirect("/quarantine?done=" + Format.url(done));
    }
}
