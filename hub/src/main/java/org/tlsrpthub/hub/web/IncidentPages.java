package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.IncidentDetail;
import org.tlsrpthub.hub.alerts.IncidentFilter;
import org.tlsrpthub.hub.alerts.IncidentPage;
import org.tlsrpthub.hub.alerts.rules.Rules;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;

/** The incidents page (open and recent, with filters), one incident with its evidence, and acknowledging and snoozing. */
public final class IncidentPages {
    static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final AlertService alerts;
    private final Clock clock;

    IncidentPages(Pages pages, AlertService alerts, Clock clock) {
        this.pages = pages;
        this.alerts = alerts;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get("/incidents", this::list);
        app.get("/incidents/{id}", this::show);
        app.post("/incidents/{id}/ack", this::ack);
        app.post("/incidents/{id}/snooze", this::snooze);
    }

    /** The list and the filter as the form keeps it; {@code snoozeDefault} fills each open incident's snooze field. */
    public record ListView(IncidentPage result, IncidentFilter filter, List<String> rules, String snoozeDefault, String message) {
        public String value(String s) {
            return s == null ? "" : s;
        }

        public String link(int page) {
            return "/incidents?domain=" + Format.url(value(filter.domain())) + "&rule=" + Format.url(value(filter.rule()))
                    + "&severity=" + (filter.severity() == null ? "" : filter.severity().id()) + "&state=" + value(filter.state()) + "&page=" + page;
        }
    }

    /** One incident; {@code snoozeDefault} fills the snooze form (a day from now, in UTC). */
    public record DetailView(IncidentDetail detail, String snoozeDefault, String message) {
        /** Evidence values that are lists of ids, as links: reports and quarantined inputs. */
        public String linkBase(String key) {
            return switch (key) {
                case "report_ids" -> "/reports/";
                case "quarantine_ids" -> "/quarantine/";
                default -> null;
            };
        }
    }

    private void list(Context ctx) throws SQLException {
        IncidentFilter filter;
        try {
            filter = IncidentFilter.from(ctx::queryParam);
        } catch (IllegalArgumentException e) {
            throw PageException.badQuery(e.getMessage());
        }
        IncidentPage result = alerts.list(AccessFilter.scope(ctx), filter, OverviewPages.intParam(ctx, "page", 0), PAGE_SIZE);
        pages.render(ctx, "incidents.jte", PageInfo.of(ctx, "Incidents", "incidents"), "view",
                new ListView(result, filter, Rules.all().stream().map(r -> r.id()).toList(), snoozeDefault(), ctx.queryParam("done")));
    }

    private void show(Context ctx) throws SQLException {
        IncidentDetail d = alerts.get(AccessFilter.scope(ctx), ReportPages.id(ctx)).orElseThrow(ReportPages::notFound);
        pages.render(ctx, "incident.jte", PageInfo.of(ctx, "Incident " + d.incident().id(), "incidents"), "view",
                new DetailView(d, snoozeDefault(), ctx.queryParam("done")));
    }

    /** A day from now, in UTC, as a browser's date and time field takes it. */
    private String snoozeDefault() {
        return LocalDateTime.ofInstant(clock.instant().plusSeconds(86_400), ZoneOffset.UTC).withSecond(0).withNano(0).toString();
    }

    private void ack(Context ctx) throws SQLException {
        long id = ReportPages.id(ctx);
        alerts.acknowledge(AccessFilter.scope(ctx), id, RequestActor.of(ctx)).orElseThrow(ReportPages::notFound);
        ctx.redirect("/incidents/" + id + "?done=" + Format.url("Acknowledged."));
    }

    private void snooze(Context ctx) throws SQLException {
        long id = ReportPages.id(ctx);
        String text = ctx.formParam("until");
        Instant until;
        try {
            until = parse(text);
            alerts.snooze(AccessFilter.scope(ctx), id, until, RequestActor.of(ctx)).orElseThrow(ReportPages::notFound);
        } catch (IllegalArgumentException e) {
            ctx.redirect("/incidents/" + id + "?done=" + Format.url("Not snoozed: " + e.getMessage() + "."));
            return;
        }
        ctx.redirect("/incidents/" + id + "?done=" + Format.url("Snoozed until " + Format.time(until) + "."));
    }

    /** An instant (2026-12-03T08:00:00Z) or a browser's date and time field (2026-12-03T08:00), read as UTC. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("say until when");
        try {
            return text.endsWith("Z") ? Instant.parse(text) : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date and time such as 2026-12-03T08:00");
        }
    }

    /** Evidence entries in their order, for the template. */
    public static List<Map.Entry<String, Object>> entries(Map<String, Object> evidence) {
        return List.copyOf(evidence.entrySet());
    }

    /**
     * An evidence value in words: a map as "key: value" pairs (a window reads "from: 2026-11-29, to:
     * 2026-12-01", not Java's "{from=…}"), a list as its items, each separated by a comma.
     */
    public static String text(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue())).collect(java.util.stream.Collectors.joining(", "));
        }
        if (value instanceof List<?> l) return l.stream().map(IncidentPages::text).collect(java.util.stream.Collectors.joining(", "));
        return String.valueOf(value);
    }

    /**
     * An evidence value that is a list of rows (such as would_break), as a table: its column names
     * (the first row's keys) then each row's cells; null when the value is not such a list.
     */
    public static List<List<String>> table(Object value) {
        if (!(value instanceof List<?> rows) || rows.isEmpty() || !(rows.get(0) instanceof Map<?, ?> first)) return null;
        List<String> columns = first.keySet().stream().map(String::valueOf).toList();
        List<List<String>> out = new java.util.ArrayList<>();
        out.add(columns);
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> m)) return null;
            out.add(columns.stream().map(k -> String.valueOf(m.get(k))).toList());
        }
        return out;
    }
}
