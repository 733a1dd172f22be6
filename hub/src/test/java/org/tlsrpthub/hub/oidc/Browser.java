package org.tlsrpthub.hub.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for the sign-in flow: keeps cookies and follows redirects by hand, one hop at a time, so
 * that a test sees (and may change) every step between the hub and the provider.
 */
final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every URL visited, in order. */
    final List<URI> visited = new ArrayList<>();

    HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        visited.add(url);
        return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(URI url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a cookie the browser holds, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** Where a redirect answer points, resolved against the URL it came from. */
    static URI location(HttpResponse<?> r) {
        if (r.statusCode() / 100 != 3) throw new AssertionError("expected a redirect, got " + r.statusCode() + ": " + r.body());
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
    }

    /** Follows redirects from {@code url} until an answer that is not one. */
    HttpResponse<String> follow(URI url) throws IOException, InterruptedException {
        HttpResponse<String> r = get(url);
        while (r.statusCode() / 100 == 3) r = get(location(r));
        return r;
    }
}
