package org.tlsrpthub.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.hosting.HostingException;
import org.tlsrpthub.hub.hosting.HostingService;
import org.tlsrpthub.hub.hosting.PolicyRequest;
import org.tlsrpthub.hub.json.Json;

/** The hosted MTA-STS policy of a domain: status and history, host or edit, promote, roll back, import (docs/policy-hosting.md). */
final class HostingRoutes {
    private final HostingService hosting;

    HostingRoutes(ApiServices services) {
        this.hosting = services.hosting();
    }

    void register(Javalin app) {
        String base = ApiRoutes.V1 + "/domains/{domain}/mta-sts";
        app.get(base, checked(ctx -> Json.render(ctx, hosting.status(AccessFilter.scope(ctx), ctx.pathParam("domain")))));
        app.post(base, checked(this::host));
        app.post(base + "/promote", checked(this::promote));
        app.post(base + "/rollback", checked(this::rollback));
        app.post(base + "/import", checked(ctx -> Json.render(ctx.status(201),
                hosting.importExisting(AccessFilter.scope(ctx), RequestActor.of(ctx), ctx.pathParam("domain")))));
    }

    private void host(Context ctx) throws Exception {
        JsonNode body = OwnershipRoutes.body(ctx);
        PolicyRequest request = new PolicyRequest(OwnershipRoutes.text(body, "mode", true), strings(body, "mx"), number(body, "max_age"),
                OwnershipRoutes.text(body, "reason", false), flag(body, "allow_mx_mismatch"));
        Json.render(ctx.status(201), hosting.host(AccessFilter.scope(ctx), RequestActor.of(ctx), ctx.pathParam("domain"), request));
    }

    private void promote(Context ctx) throws Exception {
        JsonNode body = OwnershipRoutes.body(ctx);
        Json.render(ctx.status(201), hosting.promote(AccessFilter.scope(ctx), RequestActor.of(ctx), ctx.pathParam("domain"),
                OwnershipRoutes.text(body, "reason", false), flag(body, "override")));
    }

    private void rollback(Context ctx) throws Exception {
        JsonNode body = OwnershipRoutes.body(ctx);
        Json.render(ctx.status(201), hosting.rollback(AccessFilter.scope(ctx), RequestActor.of(ctx), ctx.pathParam("domain"),
                OwnershipRoutes.text(body, "to", true), OwnershipRoutes.text(body, "reason", false)));
    }

    private static List<String> strings(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw OwnershipRoutes.badBody("\"" + name + "\" must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw OwnershipRoutes.badBody("\"" + name + "\" must be an array of strings");
            out.add(e.asText());
        }
        return out;
    }

    private static Long number(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw OwnershipRoutes.badBody("\"" + name + "\" must be a whole number of seconds");
        return v.asLong();
    }

    private static boolean flag(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw OwnershipRoutes.badBody("\"" + name + "\" must be true or false");
        return v.asBoolean();
    }

    /** The service's refusals as problems: 400 bad input, 403 a role too low, 404 a domain the scope does not see, 409 this state forbids it. */
    private static Handler checked(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (HostingException e) {
                throw ApiParams.refused(e.status(), e.getMessage());
            }
        };
    }
}
