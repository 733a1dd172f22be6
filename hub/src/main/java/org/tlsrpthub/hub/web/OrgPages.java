package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import org.tlsrpthub.hub.audit.RequestActor;
import io.javalin.http.Context;
import java.sql.SQLException;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.orgs.OrgException;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/**
 * Organisations for hub admins (/orgs), members for an organisation's admins (/org/members) and the
 * organisation switcher. Each action calls {@link OrgService}, which checks the scope itself.
 */
final class OrgPages {
    private final Pages pages;
    private final OrgService orgs;
    private final AccessService access;

    OrgPages(Pages pages, OrgService orgs, AccessService access) {
        this.pages = pages;
        this.orgs = orgs;
        this.access = access;
    }

    void register(Javalin app) {
        app.post("/org/switch", this::switchOrg);
        app.get("/orgs", this::organisations);
        app.post("/orgs", ctx -> act(ctx, "/orgs", s -> orgs.by(RequestActor.of(ctx)).create(s, ctx.formParam("slug"), ctx.formParam("name"))));
        app.post("/orgs/{org}/rename", ctx -> act(ctx, "/orgs", s -> orgs.by(RequestActor.of(ctx)).rename(s, ctx.pathParam("org"), ctx.formParam("name"))));
        app.post("/orgs/{org}/delete", ctx -> act(ctx, "/orgs", s -> orgs.by(RequestActor.of(ctx)).delete(s, ctx.pathParam("org"))));
        app.post("/users/{user}/hub-admin", ctx -> act(ctx, "/orgs",
                s -> orgs.by(RequestActor.of(ctx)).setHubAdmin(s, ctx.pathParam("user"), "true".equals(ctx.formParam("hub_admin")))));
        app.get("/org/members", this::members);
        app.post("/org/members", ctx -> act(ctx, "/org/members",
                s -> orgs.by(RequestActor.of(ctx)).addMember(s, s.org(), ctx.formParam("user"), Role.of(ctx.formParam("role")))));
        app.post("/org/members/{user}/role", ctx -> act(ctx, "/org/members",
                s -> orgs.by(RequestActor.of(ctx)).setRole(s, s.org(), ctx.pathParam("user"), Role.of(ctx.formParam("role")))));
        app.post("/org/members/{user}/remove", ctx -> act(ctx, "/org/members", s -> orgs.by(RequestActor.of(ctx)).removeMember(s, s.org(), ctx.pathParam("user"))));
    }

    /** Only to an organisation the user may enter now (a member, or any for a hub admin). */
    private void switchOrg(Context ctx) throws SQLException {
        String org = ctx.formParam("org");
        if (AccessFilter.session(ctx) == null) throw new PageException(400, "Switching is for browser sessions; a token acts in its own organisation.");
        if (AccessFilter.orgChoices(ctx).stream().noneMatch(m -> m.org().equals(org))) {
            throw new PageException(403, "Not allowed: you do not belong to organisation '" + org + "'.");
        }
        access.switchOrg(ctx.cookie(AccessFilter.SESSION_COOKIE), org);
        ctx.redirect("/");
    }

    private void organisations(Context ctx) throws SQLException {
        pages.render(ctx, "orgs.jte", PageInfo.of(ctx, "Organisations", "orgs"),
                "orgs", orgs.organisations(AccessFilter.scope(ctx)), "users", access.users());
    }

    private void members(Context ctx) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        pages.render(ctx, "members.jte", PageInfo.of(ctx, "Members of " + scope.org(), "members"),
                "members", orgs.members(scope, scope.org()), "roles", Role.values());
    }

    private interface Action {
        void run(Scope scope) throws SQLException;
    }

    // A refused change shows the service's words on the error page, with its status.
    private static void act(Context ctx, String back, Action action) throws SQLException {
        try {
            action.run(AccessFilter.scope(ctx));
        } catch (OrgException e) {
            throw new PageException(e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PageException(400, e.getMessage());
        }
        ctx.redirect(back);
    }
}
