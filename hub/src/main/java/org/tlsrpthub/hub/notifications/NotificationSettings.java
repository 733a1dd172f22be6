package org.tlsrpthub.hub.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.net.OutboundGuard;

/**
 * The channels ({@code alerts.channel.NAME.*}), the routes ({@code alerts.route.NAME.*}) and how the
 * outbox is delivered ({@code alerts.delivery.*}); docs/alerts-delivery.md describes each key. Bad
 * values stop the start with the key named.
 *
 * @param backoff     the wait after the first failed attempt; it doubles after each further one
 * @param lease       how long a claimed row is left to the node that claimed it before another takes it
 * @param publicUrl   http.public-url, to make incident links absolute; "" when unset
 * @param digestChannel the email channel digests go by ({@code alerts.digest.channel}), or null for no digest
 */
public record NotificationSettings(Map<String, Channel> channels, Routing routing, Duration interval, int maxAttempts,
                                   Duration backoff, Duration lease, Duration timeout, String publicUrl, String digestChannel,
                                   boolean weeklyDigest) {
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final List<String> TYPES = List.of("email", "webhook", "slack", "teams");

    public boolean hasChannels() {
        return !channels.isEmpty();
    }

    public static NotificationSettings from(Settings s) {
        OutboundGuard guard = new OutboundGuard(s.getBoolean("alerts.allow-private", false), "alerts.allow-private=true");
        Duration timeout = seconds(s, "alerts.delivery.timeout-seconds", 10, 1);
        int maxResponse = s.getInt("alerts.delivery.max-response-bytes", 65536);
        if (maxResponse < 0) throw new SettingsException("alerts.delivery.max-response-bytes must not be negative, not " + maxResponse);
        GuardedHttpPost http = new GuardedHttpPost(guard, timeout, maxResponse, (SSLSocketFactory) SSLSocketFactory.getDefault());
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (String name : s.names("alerts.channel")) channels.put(name, channel(s, name, http, timeout));
        List<Route> routes = s.names("alerts.route").stream().map(n -> route(s, n, channels)).toList();
        Duration lease = seconds(s, "alerts.delivery.lease-seconds", 120, 1);
        if (lease.compareTo(timeout.multipliedBy(4)) < 0) {
            throw new SettingsException("alerts.delivery.lease-seconds (" + lease.toSeconds() + ") must be at least 4 × alerts.delivery.timeout-seconds ("
                    + timeout.toSeconds() + "), so that a send still under way is not taken over by another node");
        }
        int attempts = s.getInt("alerts.delivery.max-attempts", 8);
        if (attempts < 1) throw new SettingsException("alerts.delivery.max-attempts must be at least 1, not " + attempts);
        String publicUrl = s.get("http.public-url", "").strip();
        String digest = s.get("alerts.digest.channel");
        if (digest != null && !(channels.get(digest) instanceof EmailChannel)) {
            throw new SettingsException("alerts.digest.channel names " + digest + ", which is not an email channel (alerts.channel." + digest + ".type = email)");
        }
        boolean weekly = s.getChoice("alerts.digest.period", "weekly", "daily", "weekly").equals("weekly");
        return new NotificationSettings(Map.copyOf(channels), new Routing(routes, List.copyOf(channels.keySet())),
                seconds(s, "alerts.delivery.interval-seconds", 5, 1), attempts, seconds(s, "alerts.delivery.backoff-seconds", 30, 1),
                lease, timeout, publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl, digest, weekly);
    }

    private static Duration seconds(Settings s, String key, long fallback, long min) {
        long v = s.getLong(key, fallback);
        if (v < min) throw new SettingsException(key + " must be at least " + min + ", not " + v);
        return Duration.ofSeconds(v);
    }

    private static Channel channel(Settings s, String name, GuardedHttpPost http, Duration timeout) {
        String p = "alerts.channel." + name + ".";
        String type = s.get(p + "type");
        if (type == null) throw new SettingsException(p + "type is missing: one of " + String.join(", ", TYPES));
        type = s.getChoice(p + "type", "email", TYPES.toArray(String[]::new));
        if (type.equals("email")) {
            String host = required(s, p + "host");
            String user = s.get(p + "user");
            String password = s.secret(p + "password");
            if (user != null && password == null) throw new SettingsException(p + "user is set: give the password with " + p + "password-env or " + p + "password-file");
            List<String> to = s.getList(p + "to");
            String trust = s.get(p + "trust-certificate");
            boolean starttls = s.getBoolean(p + "starttls", true);
            return new EmailChannel(name, host, s.getInt(p + "port", 587), starttls, user, password, required(s, p + "from"), to,
                    trust == null ? null : Path.of(trust), timeout);
        }
        // A Slack or Teams URL carries its own token, so it is a secret: only from the environment or a file.
        String url = type.equals("webhook") && s.get(p + "url") != null ? s.get(p + "url") : s.secret(p + "url");
        if (url == null) throw new SettingsException(p + "url is missing (" + (type.equals("webhook") ? p + "url, " : "") + p + "url-env or " + p + "url-file)");
        WebhookFormat format = WebhookFormat.valueOf(type.equals("webhook") ? "GENERIC" : type.toUpperCase(java.util.Locale.ROOT));
        String secret = type.equals("webhook") ? s.secret(p + "secret") : null;
        try {
            return new WebhookChannel(name, format, GuardedHttpPost.parse(url, p + "url"), secret, http);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static Route route(Settings s, String name, Map<String, Channel> channels) {
        String p = "alerts.route." + name + ".";
        List<String> wanted = s.getList(p + "channels");
        if (wanted.isEmpty()) throw new SettingsException(p + "channels is missing: name one or more alerts.channel sections");
        for (String c : wanted) {
            if (!channels.containsKey(c)) throw new SettingsException(p + "channels names " + c + ", but no alerts.channel." + c + ".type is set");
        }
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        for (String d : s.getList(p + "domains")) {
            String n = DomainNames.normalise(d);
            if (n.isEmpty()) throw new SettingsException(p + "domains: '" + d + "' is not a domain name");
            domains.add(n);
        }
        return new Route(name, domains, s.getChoice(p + "min-severity", "info", "info", "warning", "critical"), wanted);
    }

    private static String required(Settings s, String key) {
        String v = s.get(key);
        if (v == null || v.isBlank()) throw new SettingsException(key + " is missing");
        return v.strip();
    }
}
