package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.Owner;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.ownership.OwnershipException;

/**
 * The owners page (the organisation's domains and their owners, its alert route), the owner
 * forms of the domain page, and the hub admin's assignment page (unassigned domains, rules).
 * Thin: the ownership services check who may do what.
 */
public final class OwnershipPages {
    private final Pages pages;
    private final OwnersService owners;
    private final AssignmentService assignment;

    OwnershipPages(Pages pages, OwnersService owners, AssignmentService assignment) {
        this.pages = pages;
        this.owners = owners;
        this.assignment = assignment;
    }

    void register(Javalin app) {
        app.exception(OwnershipException.class, (e, ctx) -> {
            ctx.status(e.status());
            pages.render(ctx, "error.jte", PageInfo.of(ctx, e.status() == 404 ? "Not found" : "Cannot do this", ""), "message", e.getMessage());
        });
        app.get("/owners", this::ownersPage);
        app.post("/owners/alert-route", this::setAlertRoute);
        app.post("/domains/{domain}/owners", this::addOwner);
        app.post("/domains/{domain}/owners/remove", this::removeOwner);
        app.get("/assignment", this::assignmentPage);
        app.post("/assignment/assign", this::assign);
        app.post("/assignment/rules", this::addRule);
        app.post("/assignment/rules/remove", this::removeRule);
        app.post("/assignment/apply", this::applyRules);
    }

    /** The owners section of a domain's page: null owners when the domain has no organisation yet. */
    public record DomainOwnersView(String domain, List<Owner> owners, boolean canEdit, boolean hubAdmin) {}

    DomainOwnersView domainOwners(Context ctx, String domain) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        List<Owner> list;
        try {
            list = owners.owners(scope, domain);
        } catch (OwnershipException e) {
            list = null; // unassigned (or another organisation's, whose page the scope filter does not show)
        }
        return new DomainOwnersView(domain, list, scope.may(Role.ADMIN), scope.hubAdmin());
    }

    private void ownersPage(Context ctx) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        pages.render(ctx, "owners.jte", PageInfo.of(ctx, "Domain owners", "owners"), "domains", owners.byDomain(scope),
                "route", owners.alertRoute(scope, scope.org()), "org", scope.org(), "canEdit", scope.may(Role.ADMIN));
    }

    private void setAlertRoute(Context ctx) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        owners.setAlertRoute(scope, scope.org(), ctx.formParam("alert_route"));
        ctx.redirect("/owners");
    }

    private void addOwner(Context ctx) throws SQLException {
        String domain = ctx.pathParam("domain");
        owners.addOwner(AccessFilter.scope(ctx), RequestActor.of(ctx), domain, Owner.Kind.of(ctx.formParam("kind")), ctx.formParam("name"));
        ctx.redirect("/domains/" + Format.url(domain) + "#owners");
    }

    private void removeOwner(Context ctx) throws SQLException {
        String domain = ctx.pathParam("domain");
        owners.removeOwner(AccessFilter.scope(ctx), RequestActor.of(ctx), domain, Owner.Kind.of(ctx.formParam("kind")), ctx.formParam("name"));
        ctx.redirect("/domains/" + Format.url(domain) + "#owners");
    }

    private void assignmentPage(Context ctx) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        pages.render(ctx, "assignment.jte", PageInfo.of(ctx, "Domain assignment", "assignment"),
                "unassigned", assignment.unassigned(scope), "rules", assignment.rules(scope),
                "orgs", assignment.organisations(scope), "done", ctx.queryParam("done"));
    }

    private void assign(Context ctx) throws SQLException {
        String domain = ctx.formParam("domain");
        assignment.assign(AccessFilter.scope(ctx), RequestActor.of(ctx), domain, ctx.formParam("org"));
        done(ctx, "Assigned " + domain + " to " + ctx.formParam("org") + ".");
    }

    private void addRule(Context ctx) throws SQLException {
        boolean apply = ctx.formParam("apply") != null;
        int n = assignment.addRule(AccessFilter.scope(ctx), RequestActor.of(ctx), ctx.formParam("pattern"), ctx.formParam("org"), apply);
        done(ctx, "Rule saved." + (apply ? " Assigned " + n + " waiting domain(s) by it." : ""));
    }

    private void removeRule(Context ctx) throws SQLException {
        assignment.removeRule(AccessFilter.scope(ctx), ctx.formParam("pattern"));
        done(ctx, "Rule removed; the domains it assigned stay where they are.");
    }

    private void applyRules(Context ctx) throws SQLException {
        done(ctx, "Assigned " + assignment.applyRules(AccessFilter.scope(ctx), RequestActor.of(ctx)) + " waiting domain(s) by the rules.");
    }

    private static void done(Context ctx, String message) {
        ctx.redirect("/assignment?done=" + Format.url(message));
    }
}
