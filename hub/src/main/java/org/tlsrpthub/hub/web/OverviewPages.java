package org.tlsrpthub.hub.web;

import java.util.Map;
import org.tlsrpthub.hub.analysis.DomainOverview;
import org.tlsrpthub.hub.readiness.MtaStsColumn;
import org.tlsrpthub.hub.readiness.ReadinessService;
import java.util.Comparator;
import java.util.List;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.OpenIncidents;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import org.tlsrpthub.hub.analysis.DomainAnalysis;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.DomainStatus;
import org.tlsrpthub.hub.analysis.OverviewPage;
import org.tlsrpthub.hub.analysis.OverviewQuery;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.OwnerFilter;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.ownership.OwnershipException;

/** The overview of every domain and the page of one domain: thin handlers over the analysis services. */
public final class OverviewPages {
    static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final OverviewService overview;
    private final DomainAnalysisService analysis;
    private final Clock clock;
    private final OwnersService owners;
    private final OwnershipPages ownership;
    private final ReadinessService readiness;
    private final AlertService alerts;
    private final LiveCheckPages live;

    OverviewPages(Pages pages, OverviewService overview, DomainAnalysisService analysis, Clock clock, OwnersService owners,
            OwnershipPages ownership, ReadinessService readiness, AlertService alerts, LiveCheckPages live) {
        this.alerts = alerts;
        this.readiness = readiness;
        this.live = live;
        this.pages = pages;
        this.overview = overview;
        this.analysis = analysis;
        this.clock = clock;
        this.owners = owners;
        this.ownership = ownership;
    }

    void register(Javalin app) {
        app.get("/", this::overview);
        app.get("/domains/{domain}", this::domain);
    }

    /** The query as the page's links and form keep it. */
    public record OverviewView(PeriodParam period, String q, String status, String owner, String sort, boolean desc,
            OverviewPage result, Map<String, MtaStsColumn> mtaStsColumn) {
        public int pages() {
            return Math.max(1, (result.matching() + result.size() - 1) / result.size());
        }

        /** The link for another page or order, keeping the other choices. */
        public String link(String sortBy, boolean descending, int page) {
            return "/?" + period.query() + "&q=" + Format.url(q) + "&status=" + Format.url(status) + "&owner=" + Format.url(owner)
                    + "&sort=" + sortBy + "&dir=" + (descending ? "desc" : "asc") + "&page=" + page;
        }

        /** The MTA-STS column: the mode, with the verdict when in testing; "—" without a policy. */
        public String mtaSts(String domain) {
            MtaStsColumn c = mtaStsColumn.get(domain);
            if (c == null || c.mode().isEmpty()) return "—";
            return c.verdict() == null ? c.mode() : c.mode() + ": " + c.verdict().id();
        }

        /** A column header's link: the current column flips its direction, another starts descending. */
        public String sortLink(String column) {
            return link(column, !column.equals(sort) || !desc, 0);
        }
    }

    private void overview(Context ctx) throws SQLException {
        PeriodParam period = PeriodParam.of(ctx, clock);
        String q = orEmpty(ctx.queryParam("q"));
        String status = orEmpty(ctx.queryParam("status"));
        String owner = orEmpty(ctx.queryParam("owner"));
        String sort = ctx.queryParam("sort") == null ? "status" : ctx.queryParam("sort");
        boolean desc = !"asc".equals(ctx.queryParam("dir"));
        int page = intParam(ctx, "page", 0);
        OverviewPage result;
        try {
            DomainStatus st = status.isEmpty() ? null : DomainStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            OverviewQuery query = new OverviewQuery(period.period(), q, st, OverviewQuery.Sort.of(sort), desc, page, PAGE_SIZE);
            OwnerFilter filter = OwnerFilter.of(owner);
            Scope scope = AccessFilter.scope(ctx);
            result = filter == null ? overview.overview(scope, query)
                    : overview.overview(scope, query, owners.domains(scope, filter, scope.user())::contains);
        } catch (IllegalArgumentException | OwnershipException e) {
            throw PageException.badQuery(e.getMessage());
        }
        Map<String, OpenIncidents> open = alerts.openPerDomain(AccessFilter.scope(ctx));
        pages.render(ctx, "overview.jte", PageInfo.of(ctx, "Overview", "overview"),
                "view", new OverviewView(period, q, status, owner, sort, desc, result,
                        readiness.overviewColumn(result.domains().stream().map(DomainOverview::domain).toList())), "incidents", open, "attention", attention(open));
    }

    private void domain(Context ctx) throws SQLException {
        PeriodParam period = PeriodParam.of(ctx, clock);
        String domain = ctx.pathParam("domain");
        DomainAnalysis a = analysis.analyse(AccessFilter.scope(ctx), domain, period.period(), DomainAnalysisService.DEFAULT_TOP)
                .orElseThrow(PageException::notFound);
        // titled by the domain's one form, whatever spelling the address used
        Scope scope = AccessFilter.scope(ctx);
        pages.render(ctx, "domain.jte", PageInfo.of(ctx, a.domain(), "overview"), "a", a, "period", period,
                "owners", ownership.domainOwners(ctx, a.domain()),
                "readiness", readiness.readiness(scope, a.domain(), null).orElse(null),
                "stale", readiness.stalePolicy(scope, a.domain(), null).orElse(null),
                "incidents", alerts.openOf(scope, a.domain()), "live", live.domainPanel(ctx, a.domain()));
    }

    /** "Needs attention": domains with open incidents, the most critical ones first, then the most incidents, then by name. */
    static List<Map.Entry<String, OpenIncidents>> attention(Map<String, OpenIncidents> open) {
        return open.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted(Comparator.comparing((Map.Entry<String, OpenIncidents> e) -> -e.getValue().critical())
                        .thenComparing(e -> -e.getValue().open()).thenComparing(Map.Entry::getKey))
                .toList();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw PageException.badQuery(name + " must be a number");
        }
    }
}
