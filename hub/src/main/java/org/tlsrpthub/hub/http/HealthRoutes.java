package org.tlsrpthub.hub.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.store.Database;

/**
 * {@code /healthz}: the process answers (liveness). {@code /readyz}: it can take reports now, that is
 * the database answers a trivial query, the group-commit writer is alive and not stuck in a commit,
 * and the server is not shutting down (readiness: a load balancer sends reports elsewhere while it
 * is 503).
 */
final class HealthRoutes {
    private final Database db;
    private final GroupCommitter committer;
    private final BooleanSupplier closing;

    HealthRoutes(Database db, GroupCommitter committer, BooleanSupplier closing) {
        this.db = db;
        this.committer = committer;
        this.closing = closing;
    }

    void register(Javalin app) {
        app.get("/healthz", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/readyz", this::ready);
    }

    private void ready(Context ctx) {
        if (closing.getAsBoolean()) {
            ctx.status(503).json(Map.of("status", "shutting down"));
            return;
        }
        GroupCommitter.Health writer = committer.health();
        if (writer != GroupCommitter.Health.WORKING) {
            // the committer logged why; an anonymous caller only learns that reports cannot be taken
            HttpServer.log.warn("event=not-ready writer={}", writer);
            ctx.status(503).json(Map.of("status", "storage unavailable"));
            return;
        }
        try {
            db.withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
            ctx.json(Map.of("status", "ready"));
        } catch (Exception e) {
            // The page is open to anyone: the database's own words (host names, paths, users) go to the log only.
            HttpServer.log.warn("event=not-ready reason=database error=\"{}\"", e.toString().replace('"', '\''));
            ctx.status(503).json(Map.of("status", "database unavailable"));
        }
    }
}
