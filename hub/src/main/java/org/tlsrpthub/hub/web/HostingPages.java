package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.hosting.HostingException;
import org.tlsrpthub.hub.hosting.HostingService;
import org.tlsrpthub.hub.hosting.HostingStatus;
import org.tlsrpthub.hub.hosting.PolicyRequest;

/**
 * The hosted MTA-STS policy page of a domain (docs/policy-hosting.md): the version served, the TXT
 * record to publish and whether it is published, the forms to edit, promote, roll back and import,
 * and the history. A refused change comes back to the page with the service's words.
 */
public final class HostingPages {
    private final Pages pages;
    private final HostingService hosting;

    HostingPages(Pages pages, HostingService hosting) {
        this.pages = pages;
        this.hosting = hosting;
    }

    void register(Javalin app) {
        app.get("/domains/{domain}/mta-sts", this::show);
        app.post("/domains/{domain}/mta-sts", ctx -> change(ctx, "Hosted: a new version", () -> hosting.host(AccessFilter.scope(ctx),
                RequestActor.of(ctx), domain(ctx), request(ctx))));
        app.post("/domains/{domain}/mta-sts/promote", ctx -> change(ctx, "Promoted to enforce", () -> hosting.promote(AccessFilter.scope(ctx),
                RequestActor.of(ctx), domain(ctx), ctx.formParam("reason"), "on".equals(ctx.formParam("override")))));
        app.post("/domains/{domain}/mta-sts/rollback", ctx -> change(ctx, "Rolled back", () -> hosting.rollback(AccessFilter.scope(ctx),
                RequestActor.of(ctx), domain(ctx), ctx.formParam("to"), ctx.formParam("reason"))));
        app.post("/domains/{domain}/mta-sts/import", ctx -> change(ctx, "Imported", () -> hosting.importExisting(AccessFilter.scope(ctx),
                RequestActor.of(ctx), domain(ctx))));
    }

    /** The page; {@code message} is what the last change said, {@code refused} whether it was refused. */
    public record View(HostingStatus status, boolean canEdit, String message, boolean refused) {
        public String mxLines() {
            return status.current() == null ? "" : String.join("\n", status.current().mx());
        }

        public String mode() {
            return status.current() == null ? "testing" : status.current().mode();
        }

        public String maxAge() {
            return status.current() == null ? "604800" : String.valueOf(status.current().maxAge());
        }
    }

    private void show(Context ctx) throws SQLException {
        HostingStatus s;
        try {
            s = hosting.status(AccessFilter.scope(ctx), domain(ctx));
        } catch (HostingException e) {
            throw new PageException(e.status(), e.getMessage());
        }
        String done = ctx.queryParam("done");
        String refused = ctx.queryParam("refused");
        PageInfo page = PageInfo.of(ctx, "MTA-STS policy of " + s.domain(), "overview");
        pages.render(ctx, "mta-sts.jte", page, "view", new View(s, page.admin(), refused != null ? refused : done, refused != null));
    }

    @FunctionalInterface
    private interface Change {
        HostingStatus run() throws SQLException;
    }

    /** Runs the change and returns to the page, saying what happened; a refusal other than "not found" or "forbidden" is shown there. */
    private static void change(Context ctx, String what, Change change) throws SQLException {
        String back = "/domains/" + Format.url(domain(ctx)) + "/mta-sts";
        try {
            HostingStatus s = change.run();
            String message = what + (s.current() == null ? "" : " (version " + s.current().version() + ", id " + s.current().id() + ")") + "."
                    + (s.warnings().isEmpty() ? "" : " " + String.join(" ", s.warnings()));
            ctx.redirect(back + "?done=" + Format.url(message));
        } catch (HostingException e) {
            if (e.status() == 404 || e.status() == 403) throw new PageException(e.status(), e.getMessage());
            ctx.redirect(back + "?refused=" + Format.url("Not changed: " + e.getMessage()));
        }
    }

    private static PolicyRequest request(Context ctx) {
        String maxAge = ctx.formParam("max_age");
        Long seconds;
        try {
            seconds = maxAge == null || maxAge.isBlank() ? null : Long.valueOf(maxAge.strip());
        } catch (NumberFormatException e) {
            throw HostingException.bad("max_age '" + maxAge.strip() + "' is not a whole number of seconds");
        }
        String mx = ctx.formParam("mx");
        List<String> patterns = mx == null ? List.of() : Arrays.stream(mx.split("[\\s,]+")).filter(p -> !p.isBlank()).toList();
        return new PolicyRequest(ctx.formParam("mode"), patterns, seconds, ctx.formParam("reason"), "on".equals(ctx.formParam("allow_mx_mismatch")));
    }

    private static String domain(Context ctx) {
        return ctx.pathParam("domain");
    }
}
