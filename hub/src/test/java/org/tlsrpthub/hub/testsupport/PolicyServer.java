package org.tlsrpthub.hub.testsupport;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTPS server (Jetty through Javalin, as the hub itself serves) on 127.0.0.1, presenting
 * the given certificate and answering {@code /.well-known/mta-sts.txt} with the given handler: an
 * MTA-STS policy host for the live-check tests. It accepts any SNI name, so a certificate for the
 * wrong name is really presented.
 */
public final class PolicyServer implements AutoCloseable {
    public static final String PATH = "/.well-known/mta-sts.txt";
    private final Javalin app;
    private final ServerConnector connector;

    private PolicyServer(Javalin app, ServerConnector connector) {
        this.app = app;
        this.connector = connector;
    }

    /** Serves {@code text} as text/plain. */
    public static PolicyServer serving(TestCa.Leaf leaf, String text) {
        return start(leaf, ctx -> ctx.contentType("text/plain").result(text));
    }

    public static PolicyServer start(TestCa.Leaf leaf, Handler policy) {
        ServerConnector[] connector = new ServerConnector[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                try {
                    ssl.setKeyStore(leaf.keyStore());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                ssl.setKeyStorePassword("changeit");
                ssl.setSniRequired(false);
                HttpConfiguration https = new HttpConfiguration(http);
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false);
                https.addCustomizer(secure);
                ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                c.setHost("127.0.0.1");
                c.setPort(0);
                connector[0] = c;
                return c;
            });
        });
        app.get(PATH, policy);
        app.start();
        return new PolicyServer(app, connector[0]);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Adds a handler for another path (a redirect target that must never be asked). */
    public PolicyServer also(String path, Handler h) {
        app.get(path, h);
        return this;
    }

    @Override
    public void close() {
        app.stop();
    }
}
