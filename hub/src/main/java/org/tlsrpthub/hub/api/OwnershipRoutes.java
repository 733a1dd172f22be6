package org.tlsrpthub.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.DomainRule;
import org.tlsrpthub.hub.ownership.Owner;
import org.tlsrpthub.hub.ownership.OwnershipException;

/**
 * Domain owners, the organisation's alert route and (hub admins) domain assignment and its rules.
 * Bodies are JSON objects; the services decide who may do what.
 */
final class OwnershipRoutes {
    private final ApiServices services;

    OwnershipRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        String domain = ApiRoutes.V1 + "/domains/{domain}";
        app.get(domain + "/owners", checked(ctx -> Json.render(ctx, services.owners().owners(scope(ctx), ApiParams.domain(ctx)))));
        app.post(domain + "/owners", checked(this::addOwner));
        app.delete(domain + "/owners/{kind}/{name}", checked(this::removeOwner));
        app.get(domain + "/recipients", checked(ctx -> Json.render(ctx, services.owners().recipients(scope(ctx), ApiParams.domain(ctx)))));
        app.put(domain + "/organisation", checked(this::assign));
        app.get(ApiRoutes.V1 + "/alert-route", checked(ctx -> renderRoute(ctx, services.owners().alertRoute(scope(ctx), scope(ctx).org()))));
        app.put(ApiRoutes.V1 + "/alert-route", checked(this::setRoute));
        app.get(ApiRoutes.V1 + "/unassigned-domains", checked(ctx -> Json.render(ctx, services.assignment().unassigned(scope(ctx)))));
        app.get(ApiRoutes.V1 + "/assignment-rules", checked(ctx -> Json.render(ctx, services.assignment().rules(scope(ctx)))));
        app.post(ApiRoutes.V1 + "/assignment-rules", checked(this::addRule));
        app.delete(ApiRoutes.V1 + "/assignment-rules", checked(this::removeRule));
        app.post(ApiRoutes.V1 + "/assignment-rules/apply",
                checked(ctx -> Json.render(ctx, Map.of("assigned", services.assignment().applyRules(scope(ctx), RequestActor.of(ctx))))));
    }

    private static Scope scope(Context ctx) {
        return AccessFilter.scope(ctx);
    }

    private void addOwner(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        Owner.Kind kind = Owner.Kind.of(text(body, "kind", true));
        boolean added = services.owners().addOwner(scope(ctx), RequestActor.of(ctx), ApiParams.domain(ctx), kind, text(body, "name", true));
        ctx.status(added ? 201 : 200);
        Json.render(ctx, Map.of("added", added));
    }

    private void removeOwner(Context ctx) throws Exception {
        Owner.Kind kind = Owner.Kind.of(ctx.pathParam("kind"));
        if (!services.owners().removeOwner(scope(ctx), RequestActor.of(ctx), ApiParams.domain(ctx), kind, ctx.pathParam("name"))) {
            throw ApiParams.notFound(kind.id() + " " + ctx.pathParam("name") + " does not own " + ApiParams.domain(ctx));
        }
        ctx.status(204);
    }

    private void assign(Context ctx) throws Exception {
        String org = text(body(ctx), "org", true);
        String before = services.assignment().assign(scope(ctx), RequestActor.of(ctx), ApiParams.domain(ctx), org);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", ApiParams.domain(ctx));
        out.put("org", org);
        out.put("previous_org", before);
        Json.render(ctx, out);
    }

    private void setRoute(Context ctx) throws Exception {
        renderRoute(ctx, services.owners().setAlertRoute(scope(ctx), scope(ctx).org(), text(body(ctx), "alert_route", false)));
    }

    private static void renderRoute(Context ctx, String route) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("org", scope(ctx).org());
        out.put("alert_route", route);
        Json.render(ctx, out);
    }

    private void addRule(Context ctx) throws Exception {
        JsonNode body = body(ctx);
        String pattern = text(body, "pattern", true);
        String org = text(body, "org", true);
        JsonNode apply = body.get("apply");
        if (apply != null && !apply.isBoolean()) throw badBody("apply must be true or false");
        int assigned = services.assignment().addRule(scope(ctx), RequestActor.of(ctx), pattern, org, apply != null && apply.asBoolean());
        ctx.status(201);
        Json.render(ctx, Map.of("pattern", DomainRule.normalisePattern(pattern), "org", org, "assigned", assigned));
    }

    private void removeRule(Context ctx) throws Exception {
        String pattern = ctx.queryParam("pattern");
        if (pattern == null) throw ApiParams.bad("pattern", "give the rule's pattern: ?pattern=*.example.com");
        if (!services.assignment().removeRule(scope(ctx), pattern)) throw ApiParams.notFound("no rule " + pattern);
        ctx.status(204);
    }

    static JsonNode body(Context ctx) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw badBody("the body is not a JSON object: " + e.getMessage());
        }
        if (n == null || !n.isObject()) throw badBody("the body must be a JSON object");
        return n;
    }

    /** A string member; null when absent or null and not {@code required}. */
    static String text(JsonNode body, String name, boolean required) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            if (required) throw badBody("the body needs \"" + name + "\"");
            return null;
        }
        if (!v.isTextual()) throw badBody("\"" + name + "\" must be a string");
        return v.asText();
    }

    static ProblemException badBody(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    /** The services' refusals as problems: 400 for bad input, 403 for a role too low, 404 for what the scope cannot see. */
    private static Handler checked(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (OwnershipException e) {
                throw ApiParams.refused(e.status(), e.getMessage());
            }
        };
    }
}
