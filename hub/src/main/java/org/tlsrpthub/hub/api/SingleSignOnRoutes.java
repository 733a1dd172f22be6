package org.tlsrpthub.hub.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;

/** The single sign-on configuration and a live check of the provider, for hub admins (it is hub-wide). */
final class SingleSignOnRoutes {
    private final ApiServices services;

    SingleSignOnRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/sso", this::status);
    }

    private void status(Context ctx) throws Exception {
        Scope scope = AccessFilter.scope(ctx);
        if (scope == null || !scope.hubAdmin()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "only a hub admin may read the single sign-on settings"));
        }
        Json.render(ctx, services.sso().status());
    }
}
