package org.tlsrpthub.hub.checks;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates a live check trusts: the JDK's trust store, as a sender would, plus the CAs of
 * {@code checks.ca-file} (a private deployment, tests). A chain is trusted when either accepts it;
 * the host name is checked by whichever does, since both see the socket's endpoint identification.
 */
public final class CheckTrust {
    private final List<X509ExtendedTrustManager> managers;
    private final CaFile cas;

    private CheckTrust(List<X509ExtendedTrustManager> managers, CaFile cas) {
        this.managers = List.copyOf(managers);
        this.cas = cas;
    }

    /** The JDK's roots and the certificates of {@code cas}, when there are any. */
    public static CheckTrust of(CaFile cas) {
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        try {
            managers.add(manager(null));
            if (!cas.certificates().isEmpty()) managers.add(manager(keyStore(cas)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the trust managers: " + e.getMessage(), e);
        }
        return new CheckTrust(managers, cas);
    }

    /**
     * A client context for one connection; {@code presented} sees the server's chain before it is
     * judged, so a refusal can be explained (expired, which names) in the check's own words.
     */
    public SSLContext context(Consumer<X509Certificate[]> presented) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Either(managers, presented)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** "the JDK trust store" or "the JDK trust store and FILE", for messages. */
    public String describe() {
        return cas.describe();
    }

    private static KeyStore keyStore(CaFile cas) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (X509Certificate c : cas.certificates()) ks.setCertificateEntry("ca-" + i++, c);
        return ks;
    }

    private static X509ExtendedTrustManager manager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) return x;
        }
        throw new IllegalStateException("no X509 trust manager");
    }

    /**
     * Accepts a server chain when one of its managers does. A refusal other than "no path to a
     * trusted root" is the telling one (the CA file's manager knows the test CA, the JDK's does not).
     */
    private static final class Either extends X509ExtendedTrustManager {
        private final List<X509ExtendedTrustManager> managers;
        private final Consumer<X509Certificate[]> presented;

        Either(List<X509ExtendedTrustManager> managers, Consumer<X509Certificate[]> presented) {
            this.managers = managers;
            this.presented = presented;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            judge(chain, m -> m.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            judge(chain, m -> m.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            judge(chain, m -> m.checkServerTrusted(chain, authType));
        }

        private void judge(X509Certificate[] chain, Check check) throws CertificateException {
            presented.accept(chain.clone());
            CertificateException telling = null;
            for (X509ExtendedTrustManager m : managers) {
                try {
                    check.run(m);
                    return;
                } catch (CertificateException e) {
                    if (telling == null || String.valueOf(telling.getMessage()).contains("PKIX path building")) telling = e;
                }
            }
            throw telling;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a live check is never a TLS server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a live check is never a TLS server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a live check is never a TLS server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }

    @FunctionalInterface
    private interface Check {
        void run(X509ExtendedTrustManager m) throws CertificateException;
    }
}
