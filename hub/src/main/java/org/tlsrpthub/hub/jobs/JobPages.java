package org.tlsrpthub.hub.jobs;

import io.javalin.Javalin;
import org.tlsrpthub.hub.web.PageInfo;
import org.tlsrpthub.hub.web.Pages;

/** The jobs page; {@code GET /api/v1/jobs} (ApiRoutes) shows the same {@link JobStatus#jobs()}. */
public final class JobPages {
    private final JobStatus status;
    private final Pages pages;

    public JobPages(JobStatus status, Pages pages) {
        this.status = status;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/jobs", ctx -> pages.render(ctx, "jobs.jte", PageInfo.of(ctx, "Background jobs", "jobs"), "jobs", status.jobs()));
    }
}
