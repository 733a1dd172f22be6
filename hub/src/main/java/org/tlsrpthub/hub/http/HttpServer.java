package org.tlsrpthub.hub.http;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.store.Database;

/**
 * The hub's one HTTP server: the report endpoint and health checks here; the pages, API and metrics
 * register their routes on {@link #app()}, each from its own small class. Plain HTTP (behind a
 * reverse proxy) or HTTPS from PEM files; every request gets an id and one structured log line.
 */
public final class HttpServer implements AutoCloseable {
    static final Logger log = LoggerFactory.getLogger("org.tlsrpthub.hub.http");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final HttpSettings settings;
    private final Javalin app;
    private final ClientAddress clients;
    private final InFlightBytes inFlight;
    private volatile boolean closing;
    private ServerConnector connector;
    private Server jetty;

    /** @param ingest the hub's one ingest service, the same one {@code committer} commits through */
    public HttpServer(HttpSettings settings, Database db, IngestService ingest, GroupCommitter committer,
            JunkQuarantine junk, Clock clock) {
        this.settings = settings;
        this.clients = new ClientAddress(settings.trustedProxies());
        this.inFlight = new InFlightBytes(settings.maxInFlightBytes());
        ReportEndpoint reports = new ReportEndpoint(ingest, committer,
                new RateLimiter(settings.ratePerMinute(), settings.rateBurst(), System::nanoTime), inFlight, junk,
                settings, clock);
        this.app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = settings.virtualThreads();
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jetty.addConnector(this::connector);
            cfg.jetty.modifyServer(server -> {
                // Graceful stop: the statistics handler knows the requests in progress, and Jetty waits
                // up to the stop timeout (set in close) for them (new ones get 503) before closing connections.
                server.setHandler(new StatisticsHandler());
                this.jetty = server;
            });
            cfg.requestLogger.http(this::logRequest);
            // uploads on the "parse a report" page: no larger than a report the endpoint would take
            cfg.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes() + 64 * 1024, SizeUnit.BYTES);
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(this::identify);
        app.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem(), e.retryAfter()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("event=internal-error id={} error=\"{}\"", RequestInfo.id(ctx), e.toString(), e);
            problem(ctx, Problem.of(500, "internal-error", "Internal error", "the hub failed; please retry later"), null);
        });
        new HealthRoutes(db, committer, () -> closing).register(app);
        app.post(settings.path(), ctx -> tracked(ctx, reports));
        // A sender's operator trying the rua= URL in a browser learns how it is meant to be used.
        for (HandlerType other : new HandlerType[] {HandlerType.GET, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE}) {
            app.addHttpHandler(other, settings.path(), ctx -> {
                ctx.header("Allow", "POST");
                throw new ProblemException(Problem.of(405, "method-not-allowed", "Method not allowed",
                        "reports are delivered here with POST (RFC 8460 §5.4), not " + ctx.method()));
            });
        }
    }

    /** The client's address as resolved for this request (X-Forwarded-For only from trusted proxies). */
    public static String clientAddress(Context ctx) {
        String c = RequestInfo.client(ctx);
        return c != null ? c : ctx.req().getRemoteAddr();
    }

    /** Where the other features (API, metrics, pages) register their routes and filters, before {@link #start}. */
    public Javalin app() {
        return app;
    }

    /** Report body bytes the requests in progress hold now (against {@code http.max-in-flight-bytes}). */
    public long inFlightBytes() {
        return inFlight.used();
    }

    public HttpServer start() {
        app.start();
        return this;
    }

    /** Where the server listens, e.g. http://127.0.0.1:8080 (the bound port when 0 was asked for). */
    public URI baseUrl() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        if (host.equals("0.0.0.0") || host.equals("[::]")) host = "localhost";
        return URI.create((settings.tls() ? "https" : "http") + "://" + host + ":" + connector.getLocalPort());
    }

    public URI reportUrl() {
        return baseUrl().resolve(settings.path());
    }

    private ServerConnector connector(Server server, HttpConfiguration http) {
        ServerConnector c;
        if (settings.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            try {
                ssl.setKeyStore(PemKeyStore.load(settings.tlsCert(), settings.tlsKey()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot load http.tls.certificate / http.tls.key: " + e.getMessage(), e);
            }
            ssl.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // senders may connect by IP or an alias name
            https.addCustomizer(secure);
            c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        } else {
            c = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        c.setHost(settings.bind());
        c.setPort(settings.port());
        // The JDK's default listen backlog is 50: a burst of senders connecting at once (many arrive
        // just after midnight UTC) would see SYNs dropped and retry only after a second.
        c.setAcceptQueueSize(1024);
        // A silent client is cut off after this; a trickling one by BodyReader's deadline.
        c.setIdleTimeout(settings.bodyTimeout().toMillis());
        this.connector = c;
        return c;
    }

    private void identify(Context ctx) {
        String id = RequestInfo.newId();
        ctx.attribute(RequestInfo.ID, id);
        ctx.header("X-Request-Id", id);
        ctx.attribute(RequestInfo.CLIENT, clients.resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")));
    }

    private void tracked(Context ctx, ReportEndpoint reports) throws Exception {
        if (closing) {
            throw new ProblemException(Problem.of(503, "shutting-down", "Shutting down",
                    "the hub is stopping; please retry later"), "30");
        }
        reports.post(ctx);
    }

    private static void problem(Context ctx, Problem p, String retryAfter) {
        Problem withId = p.withRequestId(RequestInfo.id(ctx));
        ctx.attribute(RequestInfo.PROBLEM, withId);
        if (retryAfter != null) ctx.header("Retry-After", retryAfter);
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(Json.bytes(withId));
    }

    private void logRequest(Context ctx, Float ms) {
        boolean health = ctx.path().equals("/healthz") || ctx.path().equals("/readyz");
        if (health ? !log.isDebugEnabled() : !log.isInfoEnabled()) return;
        StringBuilder sb = new StringBuilder(160).append("event=request");
        kv(sb, "id", RequestInfo.id(ctx));
        kv(sb, "method", ctx.method().name());
        kv(sb, "path", ctx.path());
        kv(sb, "status", ctx.statusCode());
        kv(sb, "client", RequestInfo.client(ctx));
        kv(sb, "bytes", ctx.attribute(RequestInfo.BYTES));
        kv(sb, "outcome", ctx.attribute(RequestInfo.OUTCOME));
        kv(sb, "reports", ctx.attribute(RequestInfo.REPORTS));
        Problem p = ctx.attribute(RequestInfo.PROBLEM);
        if (p != null) {
            kv(sb, "problem", p.kind());
            kv(sb, "detail", p.detail());
        }
        sb.append(String.format(" ms=%.1f", ms));
        if (health) log.debug(sb.toString());
        else log.info(sb.toString());
    }

    // key=value; values with spaces or quotes are quoted, so a line splits unambiguously.
    private static void kv(StringBuilder sb, String key, Object value) {
        if (value == null) return;
        String v = value.toString();
        sb.append(' ').append(key).append('=');
        if (v.isEmpty() || v.chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '=')) {
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        } else {
            sb.append(v);
        }
    }

    /**
     * Graceful stop: refuse new connections and new reports (503, so senders retry), wait for the
     * requests in progress to be answered (their commits still run: close the committer after
     * this), then stop the server.
     */
    @Override
    public void close() {
        closing = true;
        // Only now: a server that failed to start (port taken) must stop at once, so that the real
        // error is reported rather than a failed graceful stop.
        if (jetty != null) jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
        app.stop();
    }
}
