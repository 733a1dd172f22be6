package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.audit.AuditPage;
import org.tlsrpthub.hub.audit.AuditQuery;
import org.tlsrpthub.hub.auth.AccessFilter;

/** The audit log for admins, with its filters, pages and a CSV export of what the filters match. */
public final class AuditPages {
    static final int PAGE_SIZE = 50;
    private static final String[] FILTERS = {"org", "actor", "action", "since", "until"};

    private final Pages pages;
    private final AuditLog audit;

    AuditPages(Pages pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    void register(Javalin app) {
        app.get("/audit", this::list);
    }

    /** @param filters the filter fields as typed, in the order of {@link #FILTERS}, for the form and the links */
    public record AuditView(String[] filters, AuditPage result, AuditAction[] actions) {
        public String filter(String name) {
            for (int i = 0; i < FILTERS.length; i++) if (FILTERS[i].equals(name)) return filters[i];
            throw new IllegalArgumentException("no filter " + name);
        }

        private String query() {
            StringBuilder q = new StringBuilder();
            for (int i = 0; i < FILTERS.length; i++) {
                if (!filters[i].isEmpty()) q.append(q.isEmpty() ? "" : "&").append(FILTERS[i]).append('=').append(Format.url(filters[i]));
            }
            return q.toString();
        }

        public String link(int page) {
            String q = query();
            return "/audit?" + (q.isEmpty() ? "" : q + "&") + "page=" + page;
        }

        public String csvLink() {
            String q = query();
            return "/api/v1/audit.csv" + (q.isEmpty() ? "" : "?" + q);
        }

        public boolean hasNext() {
            return (long) (result.page() + 1) * result.size() < result.matching();
        }
    }

    private void list(Context ctx) throws SQLException {
        String[] typed = new String[FILTERS.length];
        for (int i = 0; i < FILTERS.length; i++) typed[i] = OverviewPages.orEmpty(ctx.queryParam(FILTERS[i])).strip();
        AuditPage result;
        try {
            AuditQuery query = AuditQuery.from(ctx::queryParam);
            result = audit.read(AccessFilter.scope(ctx), query, OverviewPages.intParam(ctx, "page", 0), PAGE_SIZE);
        } catch (AuditLog.NotAllowed e) {
            throw new PageException(403, e.getMessage() + ".");
        } catch (IllegalArgumentException e) {
            throw PageException.badQuery(e.getMessage());
        }
        pages.render(ctx, "audit.jte", PageInfo.of(ctx, "Audit log", "audit"), "view", new AuditView(typed, result, AuditAction.values()));
    }
}
