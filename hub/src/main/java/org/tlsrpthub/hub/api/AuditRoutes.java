package org.tlsrpthub.hub.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import org.tlsrpthub.hub.audit.AuditEntry;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.audit.AuditQuery;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.json.Json;

/** The audit log for admins: a page of entries as JSON, or every matching entry as CSV. */
final class AuditRoutes {
    private final ApiServices services;

    AuditRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/audit", this::list);
        app.get(ApiRoutes.V1 + "/audit.csv", this::list);
    }

    private void list(Context ctx) throws SQLException {
        AuditQuery query;
        try {
            query = AuditQuery.from(ctx::queryParam);
        } catch (AuditQuery.BadFilter e) {
            throw ApiParams.bad(e.parameter(), e.getMessage());
        }
        try {
            if (ApiParams.csv(ctx)) {
                csv(ctx, query);
                return;
            }
            Json.render(ctx, services.audit().read(AccessFilter.scope(ctx), query,
                    ApiParams.integer(ctx, "page", 0, 0, 1_000_000), ApiParams.integer(ctx, "size", 50, 1, AuditLog.MAX_SIZE)));
        } catch (AuditLog.NotAllowed e) {
            throw forbidden(e);
        }
    }

    private void csv(Context ctx, AuditQuery query) throws SQLException {
        Csv csv = new Csv("id", "at", "org", "actor", "actor_kind", "address", "action", "target", "before", "after", "detail");
        for (AuditEntry e : services.audit().export(AccessFilter.scope(ctx), query)) {
            csv.row(e.id(), e.at().toString(), e.org(), e.actor(), e.actorKind(), e.address(), e.action(), e.target(),
                    e.before(), e.after(), e.detail());
        }
        csv.render(ctx, "audit-log.csv");
    }

    static ProblemException forbidden(AuditLog.NotAllowed e) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", e.getMessage()));
    }
}
