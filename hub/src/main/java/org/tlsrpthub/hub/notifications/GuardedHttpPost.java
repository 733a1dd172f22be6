package org.tlsrpthub.hub.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.tlsrpthub.hub.net.GuardedHttpClient;
import org.tlsrpthub.hub.net.HttpAnswer;
import org.tlsrpthub.hub.net.OutboundGuard;

/**
 * One HTTP/1.1 POST to an operator-configured webhook, through the hub's {@link GuardedHttpClient}:
 * the name resolved here, every address judged by the guard before a socket is opened to it, no
 * redirect followed, connecting bounded by {@code timeout} and the whole exchange by three times
 * that, at most {@code maxResponseBytes} of the answer read. What went wrong becomes a
 * {@link DeliveryException}: a refused address is permanent, anything else is retried.
 */
final class GuardedHttpPost {
    private final GuardedHttpClient client;
    private final int maxResponseBytes;
    private final SSLSocketFactory tls;

    GuardedHttpPost(OutboundGuard guard, Duration timeout, int maxResponseBytes, SSLSocketFactory tls) {
        this.client = new GuardedHttpClient(guard, timeout, timeout.multipliedBy(3));
        this.maxResponseBytes = maxResponseBytes;
        this.tls = tls;
    }

    /** The status code and the start of the body. */
    record Response(int status, String body) {}

    /** Checks the URL's form; the message names the setting. */
    static URI parse(String url, String setting) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": not a URL: " + e.getMessage());
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException(setting + ": use an http or https URL, not " + uri.getScheme());
        }
        if (uri.getHost() == null) throw new IllegalArgumentException(setting + ": the URL has no host");
        return uri;
    }

    Response post(URI uri, Map<String, String> headers, byte[] body) throws DeliveryException {
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", "tlsrpt-hub");
        all.put("Content-Type", "application/json");
        all.putAll(headers);
        try (GuardedHttpClient.Session session = client.connect(host, port, GuardedHttpClient.resolve(host))) {
            HttpAnswer head = session.send(https ? tls : null, "POST", target, all, body);
            return new Response(head.status(), startOfBody(session, head));
        } catch (UnknownHostException e) {
            throw DeliveryException.retry(host + ": no such host");
        } catch (GuardedHttpClient.NotConnected e) {
            if (e.failed().isEmpty()) throw DeliveryException.permanent(e.getMessage());
            throw DeliveryException.retry(e.getMessage());
        } catch (IOException e) {
            throw DeliveryException.retry(host + ": " + e);
        }
    }

    /** The body only tells why a webhook refused: one that is too long, malformed or slow is left out, the status stands. */
    private String startOfBody(GuardedHttpClient.Session session, HttpAnswer head) {
        try {
            return new String(session.body(head, maxResponseBytes).body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
