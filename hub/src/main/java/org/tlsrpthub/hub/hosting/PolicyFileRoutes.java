package org.tlsrpthub.hub.hosting;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The policy file route (RFC 8461 §3.3) and, on the hub's own listener only, the endpoint that
 * Caddy's on-demand TLS asks before it gets a certificate. Open routes (senders cannot sign in);
 * both only ever tell what the served file itself tells: whether a domain's policy is served.
 */
public final class PolicyFileRoutes {
    public static final String PATH = "/.well-known/mta-sts.txt";
    /** Caddy: {@code on_demand_tls { ask http://127.0.0.1:8080/mta-sts/ask }}; it adds {@code ?domain=NAME}. */
    public static final String ASK_PATH = "/mta-sts/ask";
    /** The same short answer for every host not served: an unknown, unhosted or retired domain, a wrong or no Host. */
    static final String NOT_FOUND = "no MTA-STS policy is served for this host\n";
    static final List<HandlerType> REFUSED = List.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final PolicyServing serving;

    public PolicyFileRoutes(PolicyServing serving) {
        this.serving = serving;
    }

    /** The policy route (GET and HEAD; other methods 405); {@code withAsk} adds Caddy's endpoint. */
    public void register(Javalin app, boolean withAsk) {
        app.get(PATH, this::policy);
        // its own route: Javalin answers HEAD for a GET route with an empty 200 without running it, even for a host not served
        app.head(PATH, this::policy);
        for (HandlerType m : REFUSED) {
            app.addHttpHandler(m, PATH, ctx -> ctx.status(405).header("Allow", "GET, HEAD").contentType(TEXT)
                    .result("the MTA-STS policy is fetched with GET (RFC 8461 §3.3), not " + ctx.method() + "\n"));
        }
        if (withAsk) app.get(ASK_PATH, this::ask);
    }

    private void policy(Context ctx) throws SQLException {
        // Never cached on the way (RFC 8461 §3.3 leaves caching to the sender's max_age): an edit shows at once.
        ctx.header("Cache-Control", "no-cache");
        Optional<HostedVersion> v = serving.forHost(ctx.header("Host"));
        if (v.isEmpty()) {
            ctx.status(404).contentType(TEXT).result(NOT_FOUND);
            return;
        }
        ctx.contentType(TEXT).result(v.get().text());
    }

    // 200 only for mta-sts.DOMAIN of a domain served now: Caddy then gets a certificate for it, and for nothing else.
    private void ask(Context ctx) throws SQLException {
        Optional<String> domain = PolicyHost.domainOf(ctx.queryParam("domain"));
        boolean served = domain.isPresent() && serving.served(domain.get()).isPresent();
        ctx.status(served ? 200 : 404).contentType(TEXT).result(served ? "served\n" : NOT_FOUND);
    }
}
