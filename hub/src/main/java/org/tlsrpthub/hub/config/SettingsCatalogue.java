package org.tlsrpthub.hub.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every setting the hub reads, so that a key it does not know (a typo such as {@code dkim.polcy})
 * is refused at start instead of being ignored. Each is documented in docs/receiving.md; a test
 * fails when the code reads a key that is not listed here, or one listed here is not documented.
 *
 * <p>One naming scheme: {@code area.setting}, lower case, whole words joined by '-', units as a
 * suffix ({@code -seconds}, {@code -bytes}); {@code NAME} stands for an operator-chosen section
 * name ({@code imap.NAME.host}). The environment name of a key is {@code TLSRPT_} + the key in
 * upper case with '.' and '-' as '_' ({@link Settings#envName}).
 *
 * <p>To add a setting: add its key to {@link #KEYS} and a row to docs/receiving.md.
 */
public final class SettingsCatalogue {
    /** Stands for an operator-chosen section name in a pattern key. */
    public static final String NAME = "NAME";

    /** Every key, in the order of docs/receiving.md. */
    public static final List<String> KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            // store (also the global options --db, --data-dir) and retention
            "store.url", "store.data-dir", "store.sqlite.synchronous", "store.sqlite.busy-timeout-ms", "retention.days",
            "retention.interval-seconds",
            // background jobs
            "jobs.enabled", "jobs.poll-interval-seconds", "jobs.node-name",
            // MTA-STS readiness (docs/readiness.md)
            "readiness.major-senders", "readiness.min-days", "readiness.max-silence-days", "readiness.testing-only-days",
            "readiness.window-days", "readiness.max-failure-percent", "readiness.column-refresh-seconds",
            // scheduled live checks (docs/scheduled-checks.md)
            "checks.schedule", "checks.interval-hours", "checks.concurrency", "checks.tick-seconds", "checks.history-keep",
            // HTTP
            "http.bind", "http.port", "http.path", "http.tls.certificate", "http.tls.key", "http.trusted-proxies",
            "http.max-body-bytes", "http.max-in-flight-bytes", "http.body-timeout-seconds", "http.rate-limit.per-minute",
            "http.rate-limit.burst", "http.other-domain-status", "http.queue-limit", "http.batch-limit", "http.commit-timeout-seconds",
            "http.virtual-threads", "http.public-url",
            // hosted MTA-STS policies over their own HTTPS listener (docs/policy-hosting.md "Serving")
            "mta-sts.https.port", "mta-sts.https.bind", "mta-sts.certificates",
            // sign-in: local users and single sign-on (docs/sso.md); oidc.client-secret is read only to refuse a secret in the file
            "auth.local-sign-in", "oidc.issuer", "oidc.client-id", "oidc.client-secret", "oidc.client-secret-env",
            "oidc.client-secret-file", "oidc.claim", "oidc.role-mapping", "oidc.scopes", "oidc.button-label", "oidc.allow-loopback",
            "oidc.allow-private-network",
            // SMTP
            "smtp.enabled", "smtp.bind", "smtp.port", "smtp.hostname", "smtp.tls.certificate", "smtp.tls.key",
            "smtp.require-tls", "smtp.max-message-bytes", "smtp.recipients", "smtp.no-report", "smtp.max-connections",
            "smtp.timeout-seconds", "smtp.max-connections-per-address", "smtp.rate-limit.per-minute",
            "smtp.rate-limit.burst",
            // quarantine of junk from HTTP and SMTP
            "quarantine.junk-days", "quarantine.junk-max-bytes", "quarantine.junk-max-inputs",
            // DKIM
            "dkim.policy", "dns.resolver",
            // IMAP, one section per mailbox; imap.NAME.password is read only to refuse a password in the file
            "imap.NAME.host", "imap.NAME.port", "imap.NAME.tls", "imap.NAME.user", "imap.NAME.password",
            "imap.NAME.password-env", "imap.NAME.password-file", "imap.NAME.folder", "imap.NAME.archive-folder",
            "imap.NAME.quarantine-folder", "imap.NAME.poll-seconds", "imap.NAME.trust-certificate",
            // Maildir
            "maildir.path", "maildir.rescan-seconds", "maildir.quarantine-folder",
            // live checks (docs/checks.md)
            "checks.resolver", "checks.smtp-port", "checks.https-port", "checks.ca-file", "checks.allow-private",
            "checks.expires-soon-days", "checks.connect-timeout-seconds", "checks.read-timeout-seconds",
            "checks.dns-timeout-seconds",
            // alert notifications (docs/alerts-delivery.md); url, secret and password are read only to refuse a secret in the file
            "alerts.allow-private", "alerts.delivery.interval-seconds", "alerts.delivery.max-attempts", "alerts.delivery.backoff-seconds",
            "alerts.delivery.lease-seconds", "alerts.delivery.timeout-seconds", "alerts.delivery.max-response-bytes",
            "alerts.channel.NAME.type", "alerts.channel.NAME.url", "alerts.channel.NAME.url-env", "alerts.channel.NAME.url-file",
            "alerts.channel.NAME.secret", "alerts.channel.NAME.secret-env", "alerts.channel.NAME.secret-file",
            "alerts.channel.NAME.host", "alerts.channel.NAME.port", "alerts.channel.NAME.starttls", "alerts.channel.NAME.user",
            "alerts.channel.NAME.password", "alerts.channel.NAME.password-env", "alerts.channel.NAME.password-file",
            "alerts.channel.NAME.from", "alerts.channel.NAME.to", "alerts.channel.NAME.trust-certificate",
            "alerts.route.NAME.domains", "alerts.route.NAME.min-severity", "alerts.route.NAME.channels", "alerts.digest.channel",
            "alerts.digest.period"),
            // alerts: the engine, each rule's parameters and per-domain overrides (docs/alerts.md)
            org.tlsrpthub.hub.alerts.AlertSettings.keys().stream()).toList();

    /** Names a key had before the one naming scheme: refused with a hint to the new one. */
    public static final Map<String, String> RENAMED = Map.of(
            "http.tls.cert", "http.tls.certificate",
            "db", "store.url",
            "data-dir", "store.data-dir",
            "retention-days", "retention.days");

    /**
     * Environment variables with the TLSRPT_ prefix that are not settings: read by the launcher,
     * the logging configuration, the command line or the test suite.
     */
    public static final Set<String> OTHER_ENVIRONMENT = Set.of(
            "TLSRPT_CONFIG", "TLSRPT_DEBUG", "TLSRPT_LOG_LEVEL", "TLSRPT_HUB_JAVA_OPTS",
            "TLSRPT_CORPUS", "TLSRPT_TEST_PG_BIN", "TLSRPT_TEST_PG_URL");

    private static final List<Pattern> KEY_PATTERNS = KEYS.stream()
            .map(k -> pattern(k, "." + NAME + ".", "\\.[^.]+\\.")).toList();
    // a section name in an environment name has no '_' (Settings#names splits there)
    private static final List<Pattern> ENV_PATTERNS = KEYS.stream()
            .map(k -> pattern(Settings.envName(k), "_" + NAME + "_", "_[A-Z0-9]+_")).toList();

    private SettingsCatalogue() {}

    /** True when {@code key} is a setting (a pattern key with any section name). */
    public static boolean isKey(String key) {
        return KEY_PATTERNS.stream().anyMatch(p -> p.matcher(key).matches());
    }

    /** True when {@code name} is the environment name of a setting. */
    public static boolean isEnvironmentKey(String name) {
        return ENV_PATTERNS.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /**
     * What is wrong with each unknown key, one line each: the key, where it was set and the closest
     * valid key (or the new name of a renamed one). Empty when all are known.
     *
     * @param keys          setting keys as written, with where each was found
     * @param environment   the process environment (only TLSRPT_* names are checked)
     * @param secretEnvVars variables that a {@code *-env} setting names: they hold secrets, not settings
     */
    static List<String> problems(Map<String, String> keys, Map<String, String> environment, Set<String> secretEnvVars) {
        List<String> out = new ArrayList<>();
        keys.forEach((key, where) -> {
            if (isKey(key)) return;
            String renamed = RENAMED.get(key);
            out.add(renamed != null
                    ? key + " (" + where + ") was renamed: use " + renamed
                    : "unknown setting " + key + " (" + where + ")" + hint(closestKey(key)));
        });
        for (String name : environment.keySet().stream().sorted().toList()) {
            if (!name.startsWith("TLSRPT_") || isEnvironmentKey(name) || OTHER_ENVIRONMENT.contains(name)
                    || secretEnvVars.contains(name)) {
                continue;
            }
            String renamed = renamedEnvironment(name);
            out.add(renamed != null
                    ? "environment variable " + name + " was renamed: use " + renamed
                    : "unknown environment variable " + name + hint(closestEnvironment(name)));
        }
        return out;
    }

    private static String hint(String closest) {
        return "; did you mean " + closest + "? (every setting is listed in docs/receiving.md)";
    }

    private static String renamedEnvironment(String name) {
        for (Map.Entry<String, String> e : RENAMED.entrySet()) {
            if (Settings.envName(e.getKey()).equals(name)) return Settings.envName(e.getValue());
        }
        return switch (name) {
            case "TLSRPT_DB_URL" -> Settings.envName("store.url");
            default -> null;
        };
    }

    /** The valid key nearest to {@code key}, with its section name kept. */
    static String closestKey(String key) {
        List<String> candidates = new ArrayList<>();
        String[] parts = key.split("\\.", -1);
        for (String k : KEYS) {
            candidates.add(k.replace("." + NAME + ".", "." + (parts.length > 2 ? parts[1] : "<name>") + "."));
        }
        return closest(key, candidates);
    }

    private static String closestEnvironment(String name) {
        List<String> candidates = new ArrayList<>(OTHER_ENVIRONMENT);
        for (String k : KEYS) candidates.add(Settings.envName(k).replace("_" + NAME + "_", "_<NAME>_"));
        return closest(name, candidates);
    }

    // A valid name the wrong one abbreviates (smtp.tls.cert: smtp.tls.certificate) comes first, then
    // the fewest edits: "cert" is fewer edits from "key" than from "certificate".
    private static String closest(String wrong, List<String> candidates) {
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = lc.startsWith(w) ? lc.length() - w.length() - 1000 : distance(w, lc);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    // Levenshtein distance.
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // The key as a regular expression, its section placeholder standing for any section name.
    private static Pattern pattern(String key, String placeholder, String sectionRegex) {
        int at = key.indexOf(placeholder);
        if (at < 0) return Pattern.compile(Pattern.quote(key));
        return Pattern.compile(Pattern.quote(key.substring(0, at)) + sectionRegex
                + Pattern.quote(key.substring(at + placeholder.length())));
    }
}
