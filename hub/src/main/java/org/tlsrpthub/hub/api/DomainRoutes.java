package org.tlsrpthub.hub.api;

import org.tlsrpthub.hub.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.tlsrpthub.hub.analysis.DailyCount;
import org.tlsrpthub.hub.analysis.DomainAnalysis;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.FailureDetailRow;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.analysis.ReportQueryService;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.http.ProblemException;

/**
 * One domain: the whole analysis, the daily series, each breakdown (JSON or CSV), and the
 * failure details of a period as CSV or JSON.
 */
final class DomainRoutes {
    /** The breakdowns that can be fetched (and exported) one by one. */
    static final List<String> BREAKDOWNS = List.of("failure-types", "reporters", "receiving-mx", "sending-ips", "policy-types");

    private final ApiServices services;

    DomainRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/domains/{domain}", this::analysis);
        app.get(ApiRoutes.V1 + "/domains/{domain}/daily", this::daily);
        app.get(ApiRoutes.V1 + "/domains/{domain}/breakdowns/{breakdown}", this::breakdown);
        app.get(ApiRoutes.V1 + "/failure-details", this::failureDetails);
    }

    private DomainAnalysis analyse(Context ctx) throws Exception {
        Period p = ApiParams.period(ctx, services.clock(), "30d");
        int top = ApiParams.integer(ctx, "top", DomainAnalysisService.DEFAULT_TOP, 1, 1000);
        String domain = ApiParams.domain(ctx);
        return services.domains().analyse(AccessFilter.scope(ctx), domain, p, top).orElseThrow(() -> noDomain(domain));
    }

    /** Another organisation's domain, an unassigned one and an unknown one answer alike. */
    private static ProblemException noDomain(String domain) {
        return ApiParams.notFound("no domain " + domain);
    }

    private void analysis(Context ctx) throws Exception {
        Json.render(ctx, analyse(ctx));
    }

    private void daily(Context ctx) throws Exception {
        String domain = ApiParams.domain(ctx);
        Period p = ApiParams.period(ctx, services.clock(), "30d");
        List<DailyCount> days = services.domains().daily(AccessFilter.scope(ctx), domain, p).orElseThrow(() -> noDomain(domain));
        if (!ApiParams.csv(ctx)) {
            Json.render(ctx, days);
            return;
        }
        Csv csv = new Csv("day", "reports", "successful_sessions", "failed_sessions", "failure_rate");
        for (DailyCount d : days) csv.row(d.day().toString(), d.reports(), d.successfulSessions(), d.failedSessions(), d.failureRate());
        csv.render(ctx, domain + "-daily-" + p.from() + "-" + p.to() + ".csv");
    }

    private void breakdown(Context ctx) throws Exception {
        String name = ctx.pathParam("breakdown");
        if (name.endsWith(".csv")) name = name.substring(0, name.length() - 4);
        if (!BREAKDOWNS.contains(name)) throw ApiParams.notFound("no breakdown '" + name + "' (there are " + BREAKDOWNS + ")");
        DomainAnalysis a = analyse(ctx);
        boolean csv = ApiParams.csv(ctx);
        Object json;
        Csv table;
        switch (name) {
            case "failure-types" -> {
                json = a.byFailureType();
                table = new Csv("result_type", "title", "category", "severity", "failed_sessions");
                a.byFailureType().forEach(t -> table.row(t.resultType(), t.description().title(),
                        t.description().category().name().toLowerCase(java.util.Locale.ROOT),
                        t.description().severity().name().toLowerCase(java.util.Locale.ROOT), t.failedSessions()));
            }
            case "reporters" -> {
                json = a.byReporter();
                table = new Csv("reporter", "organization_name", "reports", "successful_sessions", "failed_sessions", "failure_rate");
                a.byReporter().forEach(r -> table.row(r.reporter(), r.organizationName(), r.reports(), r.successfulSessions(),
                        r.failedSessions(), r.failureRate()));
            }
            case "receiving-mx" -> {
                json = a.byReceivingMx();
                table = new Csv("receiving_mx_hostname", "failed_sessions");
                a.byReceivingMx().forEach(m -> table.row(m.name(), m.sessions()));
            }
            case "sending-ips" -> {
                json = a.bySendingIp();
                table = new Csv("sending_mta_ip", "failed_sessions");
                a.bySendingIp().forEach(m -> table.row(m.name(), m.sessions()));
            }
            default -> {
                json = a.byPolicyType();
                table = new Csv("policy_type", "successful_sessions", "failed_sessions", "failure_rate");
                a.byPolicyType().forEach(t -> table.row(t.policyType(), t.successfulSessions(), t.failedSessions(), t.failureRate()));
            }
        }
        if (csv) table.render(ctx, a.domain() + "-" + name + "-" + a.period().from() + "-" + a.period().to() + ".csv");
        else Json.render(ctx, json);
    }

    private void failureDetails(Context ctx) throws Exception {
        String domain = ctx.queryParam("domain");
        if (domain != null && (domain.length() > 253 || !domain.matches("[A-Za-z0-9._-]*"))) {
            throw ApiParams.bad("domain", "'" + domain + "' is not a domain name");
        }
        Period p = ApiParams.period(ctx, services.clock(), "30d");
        int limit = ApiParams.integer(ctx, "limit", ReportQueryService.MAX_EXPORT_ROWS, 1, ReportQueryService.MAX_EXPORT_ROWS);
        List<FailureDetailRow> rows = services.reports().failureDetails(AccessFilter.scope(ctx), domain, p, limit);
        if (!ApiParams.csv(ctx)) {
            Json.render(ctx, rows);
            return;
        }
        Csv csv = new Csv("report", "organization_name", "reporter", "range_start", "policy_domain", "policy_type",
                "result_type", "sending_mta_ip", "receiving_mx_hostname", "receiving_mx_helo", "receiving_ip",
                "failed_session_count", "failure_reason_code", "additional_information");
        for (FailureDetailRow r : rows) {
            csv.row(r.reportId(), r.organizationName(), r.reporter(), r.rangeStart().toString(), r.policyDomain(),
                    r.policyType(), r.resultType(), r.sendingMtaIp(), r.receivingMxHostname(), r.receivingMxHelo(),
                    r.receivingIp(), r.failedSessionCount(), r.failureReasonCode(), r.additionalInformation());
        }
        csv.render(ctx, "failure-details-" + (domain == null || domain.isEmpty() ? "all" : domain) + "-" + p.from() + "-" + p.to() + ".csv");
    }
}
