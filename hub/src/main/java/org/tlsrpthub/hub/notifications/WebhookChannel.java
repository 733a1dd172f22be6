package org.tlsrpthub.hub.notifications;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tlsrpthub.hub.json.Json;

/**
 * A webhook: generic JSON signed with {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}, or
 * a Slack or Teams incoming webhook in its own format. A 2xx answer is success; anything else,
 * redirects included (they are not followed), is a failure retried later.
 *
 * @param secret the HMAC key of a generic webhook, or null for none (Slack and Teams: the URL is the secret)
 */
record WebhookChannel(String name, WebhookFormat format, URI url, String secret, GuardedHttpPost http) implements Channel {

    @Override
    public String type() {
        return format == WebhookFormat.GENERIC ? "webhook" : format.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<String> fixedRecipients() {
        return List.of();
    }

    @Override
    public void send(Message m) throws DeliveryException {
        byte[] body = Json.bytes(format.body(m));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-TLSRPT-Delivery", String.valueOf(m.id()));
        if (secret != null) headers.put("X-Signature", "sha256=" + hmacSha256Hex(secret, body));
        GuardedHttpPost.Response r = http.post(url, headers, body);
        if (r.status() / 100 == 2) return;
        String why = r.status() / 100 == 3 ? " (redirects are not followed: configure the final URL)" : "";
        String answer = r.body().strip();
        throw DeliveryException.retry(type() + " " + name + " answered HTTP " + r.status() + why
                + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)));
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    // The URL of a Slack or Teams webhook is its credential: never shown.
    @Override
    public String toString() {
        return type() + " channel " + name;
    }
}
