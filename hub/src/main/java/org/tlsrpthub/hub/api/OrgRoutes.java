package org.tlsrpthub.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.tlsrpthub.hub.audit.RequestActor;
import io.javalin.http.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.util.List;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.OrgException;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/** Who am I, organisations (hub admins), the members of the caller's organisation (its admins), hub admins. */
final class OrgRoutes {
    private final OrgService orgs;

    OrgRoutes(OrgService orgs) {
        this.orgs = orgs;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/me", this::me);
        app.get(ApiRoutes.V1 + "/orgs", ctx -> Json.render(ctx, new ApiRoutes.Items<>(orgs.organisations(scope(ctx)))));
        app.post(ApiRoutes.V1 + "/orgs", ctx -> {
            JsonNode body = body(ctx);
            String slug = text(body, "slug");
            act(() -> orgs.by(RequestActor.of(ctx)).create(scope(ctx), slug, optionalText(body, "displayName")));
            ctx.status(201).header("Location", ApiRoutes.V1 + "/orgs/" + slug);
        });
        app.patch(ApiRoutes.V1 + "/orgs/{org}", ctx -> {
            String name = text(body(ctx), "displayName");
            act(() -> orgs.by(RequestActor.of(ctx)).rename(scope(ctx), ctx.pathParam("org"), name));
            ctx.status(204);
        });
        app.delete(ApiRoutes.V1 + "/orgs/{org}", ctx -> {
            act(() -> orgs.by(RequestActor.of(ctx)).delete(scope(ctx), ctx.pathParam("org")));
            ctx.status(204);
        });
        app.get(ApiRoutes.V1 + "/org/members", ctx -> Json.render(ctx, new ApiRoutes.Items<>(act(() -> orgs.members(scope(ctx), scope(ctx).org())))));
        app.post(ApiRoutes.V1 + "/org/members", ctx -> {
            JsonNode body = body(ctx);
            String user = text(body, "user");
            Role role = role(body);
            act(() -> orgs.by(RequestActor.of(ctx)).addMember(scope(ctx), scope(ctx).org(), user, role));
            ctx.status(201);
        });
        app.put(ApiRoutes.V1 + "/org/members/{user}", ctx -> {
            Role role = role(body(ctx));
            act(() -> orgs.by(RequestActor.of(ctx)).setRole(scope(ctx), scope(ctx).org(), ctx.pathParam("user"), role));
            ctx.status(204);
        });
        app.delete(ApiRoutes.V1 + "/org/members/{user}", ctx -> {
            act(() -> orgs.by(RequestActor.of(ctx)).removeMember(scope(ctx), scope(ctx).org(), ctx.pathParam("user")));
            ctx.status(204);
        });
        app.put(ApiRoutes.V1 + "/users/{user}/hub-admin", ctx -> {
            JsonNode v = body(ctx).get("hubAdmin");
            if (v == null || !v.isBoolean()) throw ApiParams.bad("hubAdmin", "the body needs \"hubAdmin\": true or false");
            act(() -> orgs.by(RequestActor.of(ctx)).setHubAdmin(scope(ctx), ctx.pathParam("user"), v.booleanValue()));
            ctx.status(204);
        });
    }

    /** The caller, the organisation this request acts in with its role, and every membership. */
    record Me(String user, boolean hubAdmin, String org, String role, List<Member> memberships) {}

    private void me(Context ctx) throws SQLException {
        Scope s = scope(ctx);
        String user = AccessFilter.user(ctx);
        Json.render(ctx, new Me(user, s != null && s.hubAdmin(), s == null ? null : s.org(), s == null ? null : s.role().text(),
                orgs.memberships(user)));
    }

    private static Scope scope(Context ctx) {
        return AccessFilter.scope(ctx);
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Change {
        void run() throws SQLException;
    }

    private static <T> T act(Work<T> work) throws SQLException {
        try {
            return work.run();
        } catch (OrgException e) {
            throw new ProblemException(switch (e.status()) {
                case 400 -> Problem.of(400, "bad-parameter", "Bad parameter", e.getMessage());
                case 403 -> Problem.of(403, "forbidden", "Forbidden", e.getMessage());
                case 404 -> Problem.of(404, "not-found", "Not found", e.getMessage());
                default -> Problem.of(409, "conflict", "Conflict", e.getMessage());
            });
        }
    }

    private static void act(Change change) throws SQLException {
        act(() -> {
            change.run();
            return null;
        });
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) throw ApiParams.bad("body", "send a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw ApiParams.bad("body", "not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        String v = optionalText(body, field);
        if (v == null) throw ApiParams.bad(field, "the body needs \"" + field + "\" (a string)");
        return v;
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static Role role(JsonNode body) {
        try {
            return Role.of(text(body, "role"));
        } catch (IllegalArgumentException e) {
            throw ApiParams.bad("role", e.getMessage());
        }
    }
}
