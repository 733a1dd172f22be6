package org.tlsrpthub.hub.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.readiness.AtInstant;

/** MTA-STS readiness of one domain, and the reporters still on an older policy (docs/readiness.md). */
final class ReadinessRoutes {
    private final ApiServices services;

    ReadinessRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/domains/{domain}/readiness", this::readiness);
        app.get(ApiRoutes.V1 + "/domains/{domain}/stale-policy", this::stalePolicy);
    }

    private void readiness(Context ctx) throws Exception {
        String domain = ApiParams.domain(ctx);
        Json.render(ctx, services.readiness().readiness(AccessFilter.scope(ctx), domain, at(ctx))
                .orElseThrow(() -> ApiParams.notFound("no domain " + domain)));
    }

    private void stalePolicy(Context ctx) throws Exception {
        String domain = ApiParams.domain(ctx);
        Json.render(ctx, services.readiness().stalePolicy(AccessFilter.scope(ctx), domain, at(ctx))
                .orElseThrow(() -> ApiParams.notFound("no domain " + domain)));
    }

    private static Instant at(Context ctx) {
        try {
            return AtInstant.parse(ctx.queryParam("at"));
        } catch (IllegalArgumentException e) {
            throw ApiParams.bad("at", e.getMessage());
        }
    }
}
