package org.tlsrpthub.hub.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.tlsrpthub.hub.alerts.IncidentFilter;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.json.Json;

/** Incidents: the list with filters, one with its history, and acknowledging and snoozing it. */
final class IncidentRoutes {
    private final ApiServices services;

    IncidentRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/incidents", this::list);
        app.get(ApiRoutes.V1 + "/incidents/{id}", this::one);
        app.post(ApiRoutes.V1 + "/incidents/{id}/ack", this::ack);
        app.post(ApiRoutes.V1 + "/incidents/{id}/snooze", this::snooze);
    }

    private void list(Context ctx) throws Exception {
        IncidentFilter filter;
        try {
            filter = IncidentFilter.from(ctx::queryParam);
        } catch (IllegalArgumentException e) {
            throw ApiParams.bad("filter", e.getMessage());
        }
        Json.render(ctx, services.alerts().list(AccessFilter.scope(ctx), filter, ApiParams.integer(ctx, "page", 0, 0, 1_000_000),
                ApiParams.integer(ctx, "size", 50, 1, AlertService.MAX_SIZE)));
    }

    private void one(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        Json.render(ctx, services.alerts().get(AccessFilter.scope(ctx), id).orElseThrow(() -> ApiParams.notFound("no incident " + id)));
    }

    private void ack(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        Json.render(ctx, services.alerts().acknowledge(AccessFilter.scope(ctx), id, RequestActor.of(ctx))
                .orElseThrow(() -> ApiParams.notFound("no incident " + id)));
    }

    private void snooze(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        String text = OwnershipRoutes.text(OwnershipRoutes.body(ctx), "until", true);
        Instant until;
        try {
            until = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw OwnershipRoutes.badBody("\"until\" '" + text + "' is not an instant such as 2026-12-03T08:00:00Z");
        }
        try {
            Json.render(ctx, services.alerts().snooze(AccessFilter.scope(ctx), id, until, RequestActor.of(ctx))
                    .orElseThrow(() -> ApiParams.notFound("no incident " + id)));
        } catch (IllegalArgumentException e) {
            throw OwnershipRoutes.badBody(e.getMessage());
        }
    }
}
