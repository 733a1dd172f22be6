package org.tlsrpthub.hub.auth;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization table: what every route (method and Javalin path template) needs. The access
 * gate looks each request's matched route up here, in one place; a route missing from the table is
 * refused, never open. Adding a route means adding its line here (AuthorizationMatrixTest fails
 * until it has one there too).
 */
public final class RouteRules {
    /** What a route needs, each from the scope of the request (the organisation it looks at). */
    public enum Need {
        /** Anyone: sign-in, setup, health, the report endpoint (senders cannot authenticate, RFC 8460 §5.4). */
        OPEN,
        /** Any signed-in user or valid token, even one in no organisation. */
        SIGNED_IN,
        VIEWER,
        ANALYST,
        ADMIN,
        /** A hub admin: organisations and hub admins. */
        HUB_ADMIN
    }

    private static final HandlerType GET = HandlerType.GET, POST = HandlerType.POST, PUT = HandlerType.PUT,
            PATCH = HandlerType.PATCH, DELETE = HandlerType.DELETE;

    private final Map<String, Need> rules = new LinkedHashMap<>();

    /** Today's routes; {@code reportPath} is the configured report endpoint ({@code http.path}). */
    public static RouteRules hub(String reportPath) {
        RouteRules r = new RouteRules();
        // open
        r.add(POST, reportPath, Need.OPEN);
        for (HandlerType m : List.of(GET, PUT, PATCH, DELETE)) r.add(m, reportPath, Need.OPEN); // 405 with advice
        r.add(GET, "/healthz", Need.OPEN).add(GET, "/readyz", Need.OPEN);
        r.add(GET, "/login", Need.OPEN).add(POST, "/login", Need.OPEN);
        r.add(GET, "/setup", Need.OPEN).add(POST, "/setup", Need.OPEN);
        // the two steps of single sign-on, before a session exists
        r.add(GET, "/oidc/sign-in", Need.OPEN).add(GET, "/oidc/callback", Need.OPEN);
        // hosted MTA-STS policies: fetched by senders (RFC 8461 §3.3), other methods 405; Caddy's on-demand TLS check
        r.add(GET, "/.well-known/mta-sts.txt", Need.OPEN).add(HandlerType.HEAD, "/.well-known/mta-sts.txt", Need.OPEN);
        for (HandlerType m : List.of(POST, PUT, PATCH, DELETE)) r.add(m, "/.well-known/mta-sts.txt", Need.OPEN);
        r.add(GET, "/mta-sts/ask", Need.OPEN);
        // Javalin's static file handler (/static, /webjars), which serves nothing else
        r.add(GET, "*", Need.OPEN);
        // any signed-in user
        r.add(POST, "/logout", Need.SIGNED_IN).add(POST, "/org/switch", Need.SIGNED_IN);
        r.add(GET, "/api/v1/me", Need.SIGNED_IN);
        // pages
        r.add(GET, "/", Need.VIEWER).add(GET, "/domains/{domain}", Need.VIEWER);
        r.add(GET, "/reports", Need.VIEWER).add(GET, "/reports/{id}", Need.VIEWER).add(GET, "/reports/{id}/raw", Need.VIEWER);
        r.add(GET, "/quarantine", Need.VIEWER).add(GET, "/quarantine/{id}", Need.VIEWER).add(GET, "/quarantine/{id}/raw", Need.VIEWER);
        r.add(POST, "/quarantine/{id}/reprocess", Need.ANALYST);
        // incidents: read by the organisation, acknowledged and snoozed by analysts (who act on them; viewers only look)
        r.add(GET, "/incidents", Need.VIEWER).add(GET, "/incidents/{id}", Need.VIEWER);
        r.add(POST, "/incidents/{id}/ack", Need.ANALYST).add(POST, "/incidents/{id}/snooze", Need.ANALYST);
        r.add(GET, "/parse", Need.VIEWER).add(POST, "/parse", Need.VIEWER);
        // own tokens for everyone; the organisation's for its admins (AccessService.tokensVisibleTo)
        r.add(GET, "/tokens", Need.VIEWER).add(POST, "/tokens", Need.VIEWER).add(POST, "/tokens/{id}/revoke", Need.VIEWER);
        r.add(GET, "/org/members", Need.ADMIN).add(POST, "/org/members", Need.ADMIN);
        r.add(POST, "/org/members/{user}/role", Need.ADMIN).add(POST, "/org/members/{user}/remove", Need.ADMIN);
        // the audit log reads the organisation's entries (AuditLog checks the role too); jobs are hub-wide
        r.add(GET, "/audit", Need.ADMIN).add(GET, "/jobs", Need.HUB_ADMIN);
        // notifications about the organisation's domains (NotificationService filters by organisation)
        r.add(GET, "/notifications", Need.VIEWER);
        // owners: read by the organisation, changed by its admins; assignment of domains: hub admins
        r.add(GET, "/owners", Need.VIEWER).add(POST, "/owners/alert-route", Need.ADMIN);
        r.add(POST, "/domains/{domain}/owners", Need.ADMIN).add(POST, "/domains/{domain}/owners/remove", Need.ADMIN);
        r.add(GET, "/assignment", Need.HUB_ADMIN).add(POST, "/assignment/assign", Need.HUB_ADMIN);
        r.add(POST, "/assignment/rules", Need.HUB_ADMIN).add(POST, "/assignment/rules/remove", Need.HUB_ADMIN);
        r.add(POST, "/assignment/apply", Need.HUB_ADMIN);
        r.add(GET, "/orgs", Need.HUB_ADMIN).add(POST, "/orgs", Need.HUB_ADMIN);
        r.add(POST, "/orgs/{org}/rename", Need.HUB_ADMIN).add(POST, "/orgs/{org}/delete", Need.HUB_ADMIN);
        r.add(POST, "/users/{user}/hub-admin", Need.HUB_ADMIN);
        // machine-readable
        r.add(GET, "/metrics", Need.VIEWER).add(GET, "/api/openapi.json", Need.VIEWER);
        r.add(GET, "/api/v1/overview", Need.VIEWER).add(GET, "/api/v1/failure-details", Need.VIEWER);
        r.add(GET, "/api/v1/domains/{domain}", Need.VIEWER).add(GET, "/api/v1/domains/{domain}/daily", Need.VIEWER);
        r.add(GET, "/api/v1/domains/{domain}/breakdowns/{breakdown}", Need.VIEWER);
        r.add(GET, "/api/v1/domains/{domain}/readiness", Need.VIEWER).add(GET, "/api/v1/domains/{domain}/stale-policy", Need.VIEWER);
        r.add(GET, "/api/v1/reports", Need.VIEWER).add(GET, "/api/v1/reports/{id}", Need.VIEWER).add(GET, "/api/v1/reports/{id}/raw", Need.VIEWER);
        r.add(GET, "/api/v1/quarantine", Need.VIEWER).add(GET, "/api/v1/quarantine/{id}", Need.VIEWER);
        r.add(GET, "/api/v1/quarantine/{id}/raw", Need.VIEWER).add(POST, "/api/v1/quarantine/{id}/reprocess", Need.ANALYST);
        r.add(GET, "/api/v1/notifications", Need.VIEWER);
        r.add(GET, "/api/v1/audit", Need.ADMIN).add(GET, "/api/v1/audit.csv", Need.ADMIN).add(GET, "/api/v1/jobs", Need.HUB_ADMIN);
        r.add(GET, "/api/v1/domains/{domain}/owners", Need.VIEWER).add(POST, "/api/v1/domains/{domain}/owners", Need.ADMIN);
        r.add(DELETE, "/api/v1/domains/{domain}/owners/{kind}/{name}", Need.ADMIN);
        r.add(GET, "/api/v1/domains/{domain}/recipients", Need.VIEWER);
        r.add(GET, "/api/v1/alert-route", Need.VIEWER).add(PUT, "/api/v1/alert-route", Need.ADMIN);
        r.add(PUT, "/api/v1/domains/{domain}/organisation", Need.HUB_ADMIN).add(GET, "/api/v1/unassigned-domains", Need.HUB_ADMIN);
        r.add(GET, "/api/v1/assignment-rules", Need.HUB_ADMIN).add(POST, "/api/v1/assignment-rules", Need.HUB_ADMIN);
        r.add(DELETE, "/api/v1/assignment-rules", Need.HUB_ADMIN).add(POST, "/api/v1/assignment-rules/apply", Need.HUB_ADMIN);
        r.add(GET, "/api/v1/sso", Need.HUB_ADMIN);
        r.add(GET, "/api/v1/incidents", Need.VIEWER).add(GET, "/api/v1/incidents/{id}", Need.VIEWER);
        r.add(POST, "/api/v1/incidents/{id}/ack", Need.ANALYST).add(POST, "/api/v1/incidents/{id}/snooze", Need.ANALYST);
        r.add(GET, "/api/v1/org/members", Need.ADMIN).add(POST, "/api/v1/org/members", Need.ADMIN);
        r.add(PUT, "/api/v1/org/members/{user}", Need.ADMIN).add(DELETE, "/api/v1/org/members/{user}", Need.ADMIN);
        r.add(GET, "/api/v1/orgs", Need.HUB_ADMIN).add(POST, "/api/v1/orgs", Need.HUB_ADMIN);
        r.add(PATCH, "/api/v1/orgs/{org}", Need.HUB_ADMIN).add(DELETE, "/api/v1/orgs/{org}", Need.HUB_ADMIN);
        r.add(PUT, "/api/v1/users/{user}/hub-admin", Need.HUB_ADMIN);
        // live checks: read by the organisation; "check now" by its analysts (no change, so not audited)
        r.add(GET, "/coverage", Need.VIEWER).add(POST, "/domains/{domain}/checks", Need.ANALYST);
        r.add(GET, "/api/v1/domains/{domain}/checks", Need.VIEWER).add(POST, "/api/v1/domains/{domain}/checks", Need.ANALYST);
        r.add(GET, "/api/v1/coverage", Need.VIEWER).add(GET, "/api/v1/coverage.csv", Need.VIEWER);
        // hosted MTA-STS policies: read by the organisation, changed by its admins (as a domain's owners are)
        r.add(GET, "/domains/{domain}/mta-sts", Need.VIEWER).add(POST, "/domains/{domain}/mta-sts", Need.ADMIN);
        r.add(POST, "/domains/{domain}/mta-sts/promote", Need.ADMIN).add(POST, "/domains/{domain}/mta-sts/rollback", Need.ADMIN);
        r.add(POST, "/domains/{domain}/mta-sts/import", Need.ADMIN);
        r.add(GET, "/api/v1/domains/{domain}/mta-sts", Need.VIEWER).add(POST, "/api/v1/domains/{domain}/mta-sts", Need.ADMIN);
        r.add(POST, "/api/v1/domains/{domain}/mta-sts/promote", Need.ADMIN).add(POST, "/api/v1/domains/{domain}/mta-sts/rollback", Need.ADMIN);
        r.add(POST, "/api/v1/domains/{domain}/mta-sts/import", Need.ADMIN);
        return r;
    }

    private RouteRules add(HandlerType method, String template, Need need) {
        if (rules.putIfAbsent(key(method, template), need) != null) {
            throw new IllegalStateException("two rules for " + key(method, template));
        }
        return this;
    }

    /** The rule of a matched route; HEAD is answered by the GET route, so it needs what GET needs. */
    public Optional<Need> need(HandlerType method, String template) {
        return Optional.ofNullable(rules.get(key(method == HandlerType.HEAD ? GET : method, template)));
    }

    /** Every rule, keyed "METHOD /template", in the order above. */
    public Map<String, Need> all() {
        return java.util.Collections.unmodifiableMap(rules);
    }

    /** The registered routes that have no rule ("METHOD /template"): refused at every request. */
    public List<String> missing(Javalin app) {
        return routes(app).stream().filter(r -> !rules.containsKey(r)).toList();
    }

    /** Every HTTP route registered on {@code app}, as "METHOD /template". */
    public static List<String> routes(Javalin app) {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(p -> p.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod())
                .map((Endpoint e) -> key(e.getMethod(), e.getPath()))
                .toList();
    }

    private static String key(HandlerType method, String template) {
        return method.name() + " " + template;
    }
}
