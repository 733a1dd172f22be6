package org.tlsrpthub.hub.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The hub's only outbound HTTP to the identity provider: checked addresses (see {@link ProviderNetwork}),
 * no redirects followed (a redirect could lead anywhere the check did not see), a size limit and
 * timeouts, so a slow or hostile provider can neither hang a sign-in nor fill the memory.
 */
final class ProviderFetch {
    /** Discovery documents, key sets and token answers are a few KiB; this leaves ample room. */
    static final int MAX_BYTES = 512 * 1024;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final ProviderNetwork network;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT).build();

    ProviderFetch(ProviderNetwork network) {
        this.network = network;
    }

    /** An answer: status, content type (may be null) and body. */
    record Answer(int status, String contentType, String body) {}

    Answer get(String what, URI url) throws ProviderException {
        return send(what, url, HttpRequest.newBuilder(url).GET().header("Accept", "application/json"));
    }

    Answer postForm(String what, URI url, Map<String, String> headers, String body) throws ProviderException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(what, url, b);
    }

    private Answer send(String what, URI url, HttpRequest.Builder request) throws ProviderException {
        network.checkAddresses(what, url);
        HttpResponse<InputStream> r;
        try {
            r = client.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ProviderException.unavailable(what + " " + url + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable(what + " " + url + ": interrupted", e);
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() >= 300 && r.statusCode() < 400) {
                throw ProviderException.misconfigured(what + " " + url + " answered with a redirect to "
                        + r.headers().firstValue("Location").orElse("(nowhere)") + "; the hub follows no redirects: configure the final URL");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ProviderException.unavailable(what + " " + url + " answered with more than " + MAX_BYTES + " bytes");
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProviderException.unavailable(what + " " + url + ": reading the answer failed: " + e, e);
        }
    }
}
