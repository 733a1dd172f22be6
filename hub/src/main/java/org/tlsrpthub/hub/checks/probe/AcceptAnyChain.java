package org.tlsrpthub.hub.checks.probe;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets the handshake finish whatever chain the server presents, so the probe can report what is
 * wrong with it (expired, untrusted, wrong name) instead of only "handshake failed". The chain is
 * judged afterwards by {@link ChainValidator} and {@link HostNameMatch}; no mail is ever sent over
 * this connection.
 */
final class AcceptAnyChain extends X509ExtendedTrustManager {
    static final AcceptAnyChain INSTANCE = new AcceptAnyChain();

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the probe is a client only");
    }

    @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
