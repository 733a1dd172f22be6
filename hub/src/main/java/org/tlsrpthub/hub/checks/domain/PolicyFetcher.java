package org.tlsrpthub.hub.checks.domain;

import static org.tlsrpthub.hub.net.GuardedHttpClient.reason;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckTrust;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.net.GuardedHttpClient;
import org.tlsrpthub.hub.net.HttpAnswer;

/**
 * Fetches {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt} as RFC 8461 §3.3 tells a sender
 * to: a certificate valid for {@code mta-sts.DOMAIN} (WebPKI, host name checked), no redirect
 * followed, only 200 with {@code text/plain}, at most 64 KiB, every step bounded in time. The
 * addresses come from the check's own DNS answer; the {@link GuardedHttpClient} judges each by the
 * outbound guard before connecting to that very address, so a name that resolves to an internal
 * address (or re-resolves to one: DNS rebinding) is refused.
 */
final class PolicyFetcher {
    static final String PATH = "/.well-known/mta-sts.txt";
    static final int MAX_POLICY = 64 * 1024;

    private final CheckOptions options;
    private final CheckTrust trust;
    private final GuardedHttpClient http;

    PolicyFetcher(CheckOptions options, CheckTrust trust) {
        this.options = options;
        this.trust = trust;
        this.http = new GuardedHttpClient(options.guard(), options.connectTimeout(), options.readTimeout());
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
        try (GuardedHttpClient.Session session = http.connect(host, options.httpsPort(), lookup.addresses())) {
            refused(session.refused(), host, findings);
            Outcome o = exchange(session, host, url);
            findings.addAll(o.findings());
            return new Outcome(url, o.status(), o.text(), findings);
        } catch (GuardedHttpClient.NotConnected e) {
            refused(e.refused(), host, findings);
            if (e.failed().isEmpty()) return new Outcome(url, "not-fetched", null, findings);
            findings.add(fetchError(host, "No address of " + host + " accepted a connection on port " + options.httpsPort() + ": "
                    + String.join(", ", e.failed()) + ".", "Make the web server for " + host + " reachable on port "
                    + options.httpsPort() + " (HTTPS) from the internet."));
            return new Outcome(url, "fetch-error", null, findings);
        }
    }

    private static void refused(List<GuardedHttpClient.Refusal> refused, String host, List<Finding> findings) {
        for (GuardedHttpClient.Refusal r : refused) findings.add(Refusals.finding(r.address(), host, r.why()));
    }

    private Outcome exchange(GuardedHttpClient.Session session, String host, String url) {
        AtomicReference<X509Certificate[]> presented = new AtomicReference<>();
        String at = session.address().getHostAddress();
        try {
            HttpAnswer head;
            try {
                head = session.send(trust.context(presented::set).getSocketFactory(), "GET", PATH,
                        Map.of("User-Agent", "tlsrpt-hub live check", "Accept", "text/plain"), null);
            } catch (SSLHandshakeException e) {
                if (presented.get() != null) return webpki(host, at, presented.get(), e);
                throw e;
            }
            if (head.status() != 200) return failed(host, status(head, at), statusFix(head, host));
            String type = head.header("content-type");
            if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("text/plain")) {
                return failed(host, host + " (" + at + ") served the policy as " + (type == null ? "no Content-Type"
                        : "'" + HttpAnswer.printable(type) + "'") + "; RFC 8461 §3.3 requires text/plain, so senders discard it.",
                        "Serve " + PATH + " with Content-Type: text/plain.");
            }
            HttpAnswer answer = session.body(head, MAX_POLICY);
            return new Outcome(url, "fetched", new String(answer.body(), StandardCharsets.UTF_8), List.of());
        } catch (SocketTimeoutException e) {
            return failed(host, host + " (" + at + ") did not answer within " + options.readTimeout().toSeconds()
                    + " s (TLS handshake and policy together).", "Make the web server for " + host + " answer promptly.");
        } catch (SSLException e) {
            return failed(host, "The TLS handshake with " + host + " (" + at + ") failed: " + reason(e) + ".",
                    "Serve HTTPS on port " + options.httpsPort() + " of " + host + " with TLS 1.2 or later.");
        } catch (HttpAnswer.TooLarge e) {
            return failed(host, "Fetching the policy from " + host + " (" + at + ") failed: the policy is larger than "
                    + (e.limit() / 1024) + " KiB (" + e.seen() + "); RFC 8461 §3.3 caps it there.",
                    "Keep the policy file under 64 KiB: it needs only the version, mode, mx and max_age lines.");
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
}
