package org.tlsrpthub.hub.notifications;

import io.javalin.Javalin;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.web.PageInfo;
import org.tlsrpthub.hub.web.Pages;

/** The notifications page; {@code GET /api/v1/notifications} (ApiRoutes) shows the same rows. */
public final class NotificationPages {
    private final NotificationService service;
    private final Pages pages;

    public NotificationPages(NotificationService service, Pages pages) {
        this.service = service;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/notifications", ctx -> pages.render(ctx, "notifications.jte", PageInfo.of(ctx, "Notifications", "notifications"),
                "notifications", service.recent(AccessFilter.scope(ctx), NotificationService.DEFAULT_LIMIT)));
    }
}
