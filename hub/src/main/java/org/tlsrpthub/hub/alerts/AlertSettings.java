package org.tlsrpthub.hub.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tlsrpthub.hub.alerts.rules.Rules;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * The alert settings, checked at start-up: each rule's parameters ({@code alerts.rule.ID.PARAM} and
 * {@code alerts.rule.ID.enabled}), per-domain overrides ({@code alerts.override.NAME.domains} with
 * {@code alerts.override.NAME.set = ID.PARAM=VALUE, …}) and the engine's timing. A bad value (an
 * unknown rule id or parameter, a percentage outside 0..100) stops the start with the key and value.
 */
public final class AlertSettings {
    public static final String OVERRIDE_DOMAINS = "alerts.override.NAME.domains";
    public static final String OVERRIDE_SET = "alerts.override.NAME.set";

    private final Map<String, RuleParams> global;
    private final Map<String, Map<String, RuleParams>> perDomain;
    private final Duration resolveAfter;
    private final Duration interval;
    private final Duration debounce;
    private final boolean enabled;

    private AlertSettings(Map<String, RuleParams> global, Map<String, Map<String, RuleParams>> perDomain, Duration resolveAfter,
                          Duration interval, Duration debounce, boolean enabled) {
        this.global = global;
        this.perDomain = perDomain;
        this.resolveAfter = resolveAfter;
        this.interval = interval;
        this.debounce = debounce;
        this.enabled = enabled;
    }

    /** Every key of the rule parameters, for SettingsCatalogue (documented in docs/receiving.md and docs/alerts.md). */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("alerts.enabled", "alerts.resolve-after-hours", "alerts.interval-seconds",
                "alerts.ingest-debounce-seconds", OVERRIDE_DOMAINS, OVERRIDE_SET));
        for (AlertRule r : Rules.all()) {
            keys.add("alerts.rule." + r.id() + ".enabled");
            new TreeMap<>(r.defaults()).keySet().forEach(p -> keys.add("alerts.rule." + r.id() + "." + p));
        }
        return keys;
    }

    public static AlertSettings defaults() {
        return from(Settings.of(Map.of()));
    }

    public static AlertSettings from(Settings s) {
        Map<String, RuleParams> global = new HashMap<>();
        for (AlertRule r : Rules.all()) {
            Map<String, Double> values = new HashMap<>(r.defaults(s));
            for (String p : r.defaults().keySet()) {
                String key = "alerts.rule." + r.id() + "." + p;
                if (s.get(key) != null) values.put(p, value(key, s.get(key), p));
            }
            String enabled = "alerts.rule." + r.id() + ".enabled";
            global.put(r.id(), new RuleParams(r.id(), s.getBoolean(enabled, true), values));
        }
        Map<String, Map<String, RuleParams>> perDomain = new HashMap<>();
        for (String name : s.names("alerts.override")) {
            String domainsKey = OVERRIDE_DOMAINS.replace("NAME", name);
            String setKey = OVERRIDE_SET.replace("NAME", name);
            List<String> domains = s.getList(domainsKey);
            if (domains.isEmpty()) throw new SettingsException(domainsKey + " is missing: say which domains override " + name + " is for");
            Map<String, RuleParams> changed = new HashMap<>();
            for (String item : s.getList(setKey)) changed.putAll(override(setKey, item, changed.isEmpty() ? global : merged(global, changed)));
            for (String d : domains) perDomain.computeIfAbsent(d.trim().toLowerCase(java.util.Locale.ROOT), k -> new HashMap<>()).putAll(changed);
        }
        return new AlertSettings(global, perDomain, Duration.ofHours(positive(s, "alerts.resolve-after-hours", 24)),
                Duration.ofSeconds(positive(s, "alerts.interval-seconds", 900)),
                Duration.ofSeconds(positive(s, "alerts.ingest-debounce-seconds", 10)), s.getBoolean("alerts.enabled", true));
    }

    private static Map<String, RuleParams> merged(Map<String, RuleParams> global, Map<String, RuleParams> changed) {
        Map<String, RuleParams> m = new HashMap<>(global);
        m.putAll(changed);
        return m;
    }

    /** One {@code ID.PARAM=VALUE} item of an override. */
    private static Map<String, RuleParams> override(String key, String item, Map<String, RuleParams> base) {
        int eq = item.indexOf('=');
        int dot = item.indexOf('.');
        if (eq < 0 || dot < 0 || dot > eq) throw bad(key, item, "write RULE.PARAMETER=VALUE, e.g. failure-rate.critical-percent=10");
        String rule = item.substring(0, dot).trim();
        String param = item.substring(dot + 1, eq).trim();
        String value = item.substring(eq + 1).trim();
        RuleParams p = base.get(rule);
        if (p == null) throw bad(key, item, "unknown rule id '" + rule + "' (rules: " + String.join(", ", Rules.all().stream().map(AlertRule::id).toList()) + ")");
        if (param.equals("enabled")) {
            if (!value.equals("true") && !value.equals("false")) throw bad(key, item, "enabled is true or false");
            return Map.of(rule, new RuleParams(rule, Boolean.parseBoolean(value), p.values()));
        }
        if (!p.values().containsKey(param)) {
            throw bad(key, item, "rule " + rule + " has no parameter '" + param + "' (it has: enabled, "
                    + String.join(", ", new TreeMap<>(p.values()).keySet()) + ")");
        }
        Map<String, Double> values = new HashMap<>(p.values());
        values.put(param, value(key, value, param));
        return Map.of(rule, new RuleParams(rule, p.enabled(), values));
    }

    private static double value(String key, String text, String param) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw bad(key, text, "not a number");
        }
        if (param.endsWith("-percent")) {
            if (!(v >= 0 && v <= 100)) throw bad(key, text, "a percentage lies between 0 and 100");
        } else if (v < 1 || v != Math.rint(v)) {
            throw bad(key, text, "a whole number of at least 1");
        }
        return v;
    }

    private static long positive(Settings s, String key, long fallback) {
        long v = s.getLong(key, fallback);
        if (v < 1) throw bad(key, Long.toString(v), "must be at least 1");
        return v;
    }

    private static SettingsException bad(String key, String value, String why) {
        return new SettingsException("alert setting " + key + " = '" + value + "': " + why);
    }

    /** The parameters of {@code rule} for {@code domain}: its overrides, else the global settings. */
    public RuleParams params(String rule, String domain) {
        Map<String, RuleParams> d = perDomain.get(domain);
        RuleParams p = d == null ? null : d.get(rule);
        return p != null ? p : global.get(rule);
    }

    /** The most days any enabled domain rule reads back, over every domain's parameters. */
    public int lookbackDays() {
        return most(DomainRule::lookbackDays);
    }

    /** The most days any enabled domain rule reads report cells back (at least {@link #lookbackDays}). */
    public int reportLookbackDays() {
        return Math.max(lookbackDays(), most(DomainRule::reportLookbackDays));
    }

    private int most(java.util.function.ToIntBiFunction<DomainRule, RuleParams> days) {
        int most = 1;
        for (Map<String, RuleParams> m : Stream.concat(Stream.of(global), perDomain.values().stream()).toList()) {
            for (DomainRule r : Rules.DOMAIN) if (m.containsKey(r.id())) most = Math.max(most, days.applyAsInt(r, m.get(r.id())));
        }
        return most;
    }

    public Duration resolveAfter() {
        return resolveAfter;
    }

    public Duration interval() {
        return interval;
    }

    public Duration debounce() {
        return debounce;
    }

    public boolean enabled() {
        return enabled;
    }
}
