package org.tlsrpthub.hub.checks.domain;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.security.cert.X509Certificate;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckTrust;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;

/**
 * Fetches {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt} as RFC 8461 §3.3 tells a sender
 * to: a certificate valid for {@code mta-sts.DOMAIN} (WebPKI, host name checked), no redirect
 * followed, only 200 with {@code text/plain}, at most 64 KiB, every step bounded in time. The
 * addresses come from the check's own DNS answer and each is judged by the outbound guard before
 * the connection is made to that very address, so a name that resolves to an internal address
 * (or re-resolves to one: DNS rebinding) is refused.
 */
final class PolicyFetcher {
    static final String PATH = "/.well-known/mta-sts.txt";
    static final int MAX_POLICY = 64 * 1024;

    private final CheckOptions options;
    private final CheckTrust trust;

    PolicyFetcher(CheckOptions options, CheckTrust trust) {
        this.options = options;
        this.trust = trust;
    }

    /** How a fetch ended: the text, or why not ({@code status} as in {@code MtaStsState.policyStatus}). */
    record Outcome(String url, String status, String text, List<Finding> findings) {}

    Outcome fetch(String domain, AddressLookup lookup) {
        String host = "mta-sts." + domain;
        String url = "https://" + host + (options.httpsPort() == 443 ? "" : ":" + options.httpsPort()) + PATH;
        List<Finding> findings = new ArrayList<>();
        if (lookup.addresses().isEmpty()) {
            String why = lookup.failures().isEmpty() ? host + " has no A or AAAA record" : String.join("; ", lookup.failures());
            findings.add(fetchError(host, "The policy host cannot be found: " + why + ".",
                    "Publish A/AAAA records for " + host + " pointing at the web server that serves " + PATH + "."));
            return new Outcome(url, "fetch-error", null, findings);
        }
        List<String> unreachable = new ArrayList<>();
        boolean tried = false;
        for (InetAddress a : lookup.addresses()) {
            String refusal = options.guard().refusal(a);
            if (refusal != null) {
                findings.add(Refusals.finding(a, host, refusal));
                continue;
            }
            tried = true;
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(a, options.httpsPort()), (int) options.connectTimeout().toMillis());
            } catch (IOException e) {
                unreachable.add(a.getHostAddress() + " (" + reason(e) + ")");
                close(socket);
                continue;
            }
            Outcome o = exchange(socket, host, a, url);
            findings.addAll(o.findings());
            return new Outcome(url, o.status(), o.text(), findings);
        }
        if (!tried) return new Outcome(url, "not-fetched", null, findings);
        findings.add(fetchError(host, "No address of " + host + " accepted a connection on port " + options.httpsPort() + ": "
                + String.join(", ", unreachable) + ".", "Make the web server for " + host + " reachable on port "
                + options.httpsPort() + " (HTTPS) from the internet."));
        return new Outcome(url, "fetch-error", null, findings);
    }

    private Outcome exchange(Socket raw, String host, InetAddress a, String url) {
        long deadline = System.nanoTime() + options.readTimeout().toNanos();
        AtomicReference<X509Certificate[]> presented = new AtomicReference<>();
        String at = a.getHostAddress();
        try (SSLSocket ssl = (SSLSocket) trust.context(presented::set).getSocketFactory()
                .createSocket(raw, host, options.httpsPort(), true)) {
            SSLParameters p = ssl.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(host)));
            p.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 8461 §3.3: the name is checked as for HTTPS (RFC 6125)
            ssl.setSSLParameters(p);
            InputStream in = new BufferedInputStream(new Deadline(ssl, deadline));
            ssl.setSoTimeout(remainingMillis(deadline));
            try {
                ssl.startHandshake();
            } catch (SSLHandshakeException e) {
                if (presented.get() != null) return webpki(host, at, presented.get(), e);
                throw e;
            }
            OutputStream out = ssl.getOutputStream();
            out.write(("GET " + PATH + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: tlsrpt-hub live check\r\n"
                    + "Accept: text/plain\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            HttpAnswer head = HttpAnswer.readHead(in);
            if (head.status() != 200) return failed(host, status(head, at), statusFix(head, host));
            String type = head.header("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("text/plain")) {
                return failed(host, host + " (" + at + ") served the policy as " + (type == null ? "no Content-Type"
                        : "'" + HttpAnswer.printable(type) + "'") + "; RFC 8461 §3.3 requires text/plain, so senders discard it.",
                        "Serve " + PATH + " with Content-Type: text/plain.");
            }
            HttpAnswer answer = head.readBody(in, MAX_POLICY);
            return new Outcome(url, "fetched", new String(answer.body(), StandardCharsets.UTF_8), List.of());
        } catch (SocketTimeoutException e) {
            return failed(host, host + " (" + at + ") did not answer within " + options.readTimeout().toSeconds()
                    + " s (TLS handshake and policy together).", "Make the web server for " + host + " answer promptly.");
        } catch (SSLException e) {
            return failed(host, "The TLS handshake with " + host + " (" + at + ") failed: " + reason(e) + ".",
                    "Serve HTTPS on port " + options.httpsPort() + " of " + host + " with TLS 1.2 or later.");
        } catch (IOException e) {
            return failed(host, "Fetching the policy from " + host + " (" + at + ") failed: " + reason(e) + ".",
                    "Serve " + PATH + " over HTTPS as a plain text file (RFC 8461 §3.3).");
        }
    }

    private Outcome webpki(String host, String at, X509Certificate[] chain, SSLHandshakeException e) {
        String why = CertificateWords.whyRefused(chain[0], host, trust.describe(), reason(e));
        return new Outcome(null, "webpki-invalid", null, List.of(new Finding("sts-webpki-invalid", FindingSeverity.ERROR, host,
                "The certificate of " + host + " (" + at + ") is not valid for senders: " + why + ".",
                "Install a certificate for " + host + " from a public CA, covering that exact name, and renew it before it expires.")));
    }

    private Outcome failed(String host, String message, String fix) {
        return new Outcome(null, "fetch-error", null, List.of(fetchError(host, message, fix)));
    }

    private static Finding fetchError(String host, String message, String fix) {
        return new Finding("sts-policy-fetch-error", FindingSeverity.ERROR, host, message, fix);
    }

    private static String status(HttpAnswer head, String at) {
        String location = head.header("location");
        String redirect = head.status() / 100 == 3 && location != null
                ? " (a redirect to " + HttpAnswer.printable(location) + "; RFC 8461 §3.3: senders do not follow redirects)" : "";
        return "The policy URL answered " + head.status() + " " + HttpAnswer.printable(head.reason()) + " from " + at + redirect
                + "; senders accept only 200.";
    }

    private static String statusFix(HttpAnswer head, String host) {
        return head.status() / 100 == 3 ? "Serve the policy at https://" + host + PATH + " itself, without a redirect."
                : "Publish the policy file at https://" + host + PATH + ".";
    }

    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) throw new SocketTimeoutException("deadline passed");
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a socket that never connected: nothing to tell
        }
    }

    /** Each read waits only for what is left of the whole exchange's time: a trickling server is cut off too. */
    private static final class Deadline extends FilterInputStream {
        private final Socket socket;
        private final long deadline;

        Deadline(SSLSocket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read(b, off, len);
        }
    }
}
