package org.tlsrpthub.hub.api;

import org.tlsrpthub.hub.json.Json;
import io.javalin.Javalin;
import org.tlsrpthub.hub.notifications.NotificationService;
import org.tlsrpthub.hub.auth.AccessFilter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.tlsrpthub.hub.http.Problem;

/**
 * The JSON API under {@value #V1}, and its OpenAPI description at {@value #OPENAPI}. The access
 * gate ({@code AccessFilter}) guards all of it; the report endpoint stays outside, as RFC 8460 wants it open.
 */
public final class ApiRoutes {
    public static final String V1 = "/api/v1";
    public static final String OPENAPI = "/api/openapi.json";
    static final String OPENAPI_RESOURCE = "/org/tlsrpthub/hub/api/openapi.json";

    private ApiRoutes() {}

    public static void register(Javalin app, ApiServices services) {
        new OverviewRoutes(services).register(app);
        new DomainRoutes(services).register(app);
        new ReadinessRoutes(services).register(app);
        new ReportRoutes(services).register(app);
        new QuarantineRoutes(services).register(app);
        app.get(V1 + "/jobs", ctx -> Json.render(ctx, new Items<>(services.jobs().jobs())));
        new AuditRoutes(services).register(app);
        app.get(V1 + "/notifications", ctx -> Json.render(ctx, new Items<>(services.notifications().recent(AccessFilter.scope(ctx),
                ApiParams.integer(ctx, "limit", NotificationService.DEFAULT_LIMIT, 1, NotificationService.MAX_LIMIT)))));
        new OwnershipRoutes(services).register(app);
        new CheckRoutes(services).register(app);
        new HostingRoutes(services).register(app);
        new SingleSignOnRoutes(services).register(app);
        new OrgRoutes(services.orgs()).register(app);
        new IncidentRoutes(services).register(app);
        byte[] openApi = openApi();
        app.get(OPENAPI, ctx -> ctx.contentType("application/json").result(openApi));
        // Unknown /api paths answer with a problem too, not a plain-text 404. An error handler
        // rather than a catch-all route, so that no route registered after this one is shadowed;
        // answers that already carry a problem are left alone.
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !Problem.MEDIA_TYPE.equals(ctx.res().getContentType())) noSuchRoute(ctx);
        });
    }

    private static void noSuchRoute(Context ctx) {
        Problem p = Problem.of(404, "not-found", "Not found", "no API route " + ctx.method() + " " + ctx.path()
                + " (see " + OPENAPI + ")").withRequestId(ctx.res().getHeader("X-Request-Id"));
        ctx.status(404).contentType(Problem.MEDIA_TYPE).result(Json.bytes(p));
    }

    /** A list answer: the API's lists are objects with {@code items}, so that fields can be added. */
    record Items<T>(List<T> items) {}

    static byte[] openApi() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
