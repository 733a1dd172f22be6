package org.tlsrpthub.hub.oidc;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider on 127.0.0.1 (mock-oauth2-server): discovery, keys, authorization and
 * token endpoints, signed ID tokens. Each sign-in gets the claims the test queues for it.
 */
final class LoopbackProvider implements AutoCloseable {
    static final String ISSUER_ID = "acme-idp";
    static final String CLIENT_ID = "tlsrpt-hub";

    private final MockOAuth2Server server = new MockOAuth2Server();

    LoopbackProvider() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The next sign-in's ID token: this subject with these claims, for the hub's client id. */
    void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    /** The body of the next request the provider saw with this path ending (waits for it). */
    String requestBody(String pathEnd) {
        for (;;) {
            var r = server.takeRequest();
            if (r.getPath() != null && r.getPath().contains(pathEnd)) return r.getBody().readUtf8();
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
