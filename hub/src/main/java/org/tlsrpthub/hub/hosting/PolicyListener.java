package org.tlsrpthub.hub.hosting;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.tlsrpthub.hub.auth.RouteRules;
import org.tlsrpthub.hub.config.Settings;

/**
 * The HTTPS listener senders fetch policies from, separate from the dashboard's: it has the policy
 * route and nothing else (no sign-in page, API or report endpoint on a port open to the internet),
 * and presents each {@code mta-sts.DOMAIN} its own certificate, chosen by SNI. The certificates are
 * loaded when it is built, so a bad pair stops the start before anything listens; once it runs,
 * renewed certificates are picked up from the directory without a restart ({@link PolicyCertificateReload}).
 */
public final class PolicyListener implements AutoCloseable {
    private final PolicyListenerSettings settings;
    private final PolicyCertificates.Loaded certificates;
    private final Duration reloadEvery;
    private final Javalin app;
    private ServerConnector connector;
    private PolicyCertificateReload reload;

    /** The settings with their certificates loaded and checked. */
    public record Setup(PolicyListenerSettings settings, PolicyCertificates.Loaded certificates) {}

    /** Empty when the listener is off; a bad setting or certificate pair throws, naming the key and file. */
    public static Optional<Setup> setup(Settings s) {
        return PolicyListenerSettings.from(s).map(p -> new Setup(p, PolicyCertificates.load(p.certificates())));
    }

    public PolicyListener(Setup setup, PolicyServing serving) {
        this(setup, serving, PolicyCertificateReload.EVERY);
    }

    /** @param reloadEvery how often the certificates directory is looked at for renewed files */
    PolicyListener(Setup setup, PolicyServing serving, Duration reloadEvery) {
        this.settings = setup.settings();
        this.certificates = setup.certificates();
        this.reloadEvery = reloadEvery;
        this.app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = true;
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jetty.addConnector(this::connector);
        });
        new PolicyFileRoutes(serving).register(app, false);
    }

    /** The routes this listener answers (all open: RouteRules has them so), as "METHOD /template". */
    public List<String> routes() {
        return RouteRules.routes(app);
    }

    public PolicyListener start() {
        app.start();
        reload.start(reloadEvery);
        return this;
    }

    /** Looks at the certificates directory now (the timer does it every minute). */
    PolicyCertificateReload.Outcome reloadCertificates() {
        return reload.check();
    }

    /** e.g. https://127.0.0.1:443 (the bound port when 0 was asked for). */
    public URI baseUrl() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return URI.create("https://" + host + ":" + connector.getLocalPort());
    }

    /** The host names with a certificate (as last loaded). */
    public List<String> hosts() {
        return reload == null ? certificates.hosts() : reload.current().hosts();
    }

    private ServerConnector connector(Server server, HttpConfiguration http) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificates.keyStore());
        ssl.setKeyStorePassword(new String(PolicyCertificates.PASSWORD));
        // Without SNI (or for a name it has no certificate for) Jetty offers the first host's: that
        // handshake fails the sender's name check, as it must.
        ssl.setCertAlias(certificates.hosts().get(0));
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(http);
        https.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // a Host that does not match the SNI name gets the route's own 404
        https.addCustomizer(secure);
        this.reload = new PolicyCertificateReload(settings.certificates(), certificates, ssl);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(settings.bind());
        c.setPort(settings.port());
        c.setIdleTimeout(30_000);
        this.connector = c;
        return c;
    }

    @Override
    public void close() {
        if (reload != null) reload.close();
        app.stop();
    }
}
