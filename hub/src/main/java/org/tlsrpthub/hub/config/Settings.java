package org.tlsrpthub.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hub's settings: keys such as {@code http.port} or {@code imap.work.host} (every one is in
 * {@link SettingsCatalogue}; any other is refused when the settings are made), looked up first in
 * explicit overrides (command-line options), then in the environment ({@code TLSRPT_HTTP_PORT},
 * {@code TLSRPT_IMAP_WORK_HOST}: upper case, '.' and '-' as '_'), then in the config file (Java
 * properties). Secrets are never read from the file itself: a key names an environment variable or
 * a file that holds them (see {@link #secret}).
 */
public final class Settings {
    private final Map<String, String> overrides;
    private final Map<String, String> env;
    private final Properties file;
    private final Path filePath;

    private Settings(Map<String, String> overrides, Map<String, String> env, Properties file, Path filePath) {
        this.overrides = overrides;
        this.env = env;
        this.file = file;
        this.filePath = filePath;
        refuseUnknownKeys();
    }

    /** Every key that is not a setting, wherever set, is refused with the closest valid key: a typo must not pass silently. */
    private void refuseUnknownKeys() {
        Map<String, String> keys = new TreeMap<>();
        for (String k : file.stringPropertyNames()) keys.put(k, "config file " + filePath);
        for (String k : overrides.keySet()) keys.put(k, "given on the command line");
        Set<String> secretVariables = new HashSet<>();
        for (String k : keys.keySet()) {
            if (k.endsWith("-env") && lookup(k) != null) secretVariables.add(lookup(k));
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().endsWith("_ENV") && SettingsCatalogue.isEnvironmentKey(e.getKey())) secretVariables.add(e.getValue().trim());
        }
        List<String> problems = SettingsCatalogue.problems(keys, env, secretVariables);
        if (!problems.isEmpty()) {
            throw new SettingsException(String.join("\n", problems));
        }
    }

    /** Settings from a config file (null: none) and the process environment. */
    public static Settings load(Path configFile) {
        return load(configFile, System.getenv());
    }

    public static Settings load(Path configFile, Map<String, String> env) {
        Properties props = new Properties();
        if (configFile != null) {
            try (InputStream in = Files.newInputStream(configFile)) {
                props.load(in);
            } catch (IOException e) {
                throw new SettingsException("cannot read the config file " + configFile + ": " + e.getMessage());
            }
        }
        return new Settings(Map.of(), Map.copyOf(env), props, configFile);
    }

    /** Settings from given values only (tests, embedding). */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.copyOf(values), Map.of(), new Properties(), null);
    }

    /** A copy in which {@code key} is set, above environment and file. */
    public Settings with(String key, String value) {
        Map<String, String> o = new HashMap<>(overrides);
        o.put(key, value);
        return new Settings(Map.copyOf(o), env, file, filePath);
    }

    public static String envName(String key) {
        return "TLSRPT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value, or null when it is set nowhere (a blank value counts as not set). */
    public String get(String key) {
        if (!SettingsCatalogue.isKey(key)) {
            // A programming error: an unlisted key could never be set, since it is refused at start.
            throw new IllegalStateException("setting " + key + " is read but not listed in SettingsCatalogue "
                    + "(add it there and to docs/receiving.md)");
        }
        return lookup(key);
    }

    private String lookup(String key) {
        String v = overrides.get(key);
        if (v == null) v = env.get(envName(key));
        if (v == null) v = file.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public int getInt(String key, int fallback) {
        String v = get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a whole number");
        }
    }

    public long getLong(String key, long fallback) {
        String v = get(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a whole number");
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = get(key);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(key, v, "true or false");
        };
    }

    /** A comma-separated list; empty when not set. */
    public List<String> getList(String key) {
        String v = get(key);
        if (v == null) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One of the allowed values (case-insensitive), or the fallback. */
    public String getChoice(String key, String fallback, String... allowed) {
        String v = get(key);
        if (v == null) return fallback;
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) return a;
        }
        throw invalid(key, v, "one of " + String.join(", ", allowed));
    }

    /**
     * A secret (a password): from the environment variable named by {@code key + "-env"}, or the file
     * named by {@code key + "-file"} (first line). Null when neither is set.
     */
    public String secret(String key) {
        String var = get(key + "-env");
        if (var != null) {
            String v = System.getenv(var);
            if (v == null) v = env.get(var);
            if (v == null) throw new SettingsException(key + "-env names the environment variable " + var + ", which is not set");
            return v;
        }
        String path = get(key + "-file");
        if (path != null) {
            try {
                List<String> lines = Files.readAllLines(Path.of(path));
                return lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw new SettingsException(key + "-file: cannot read " + path + ": " + e.getMessage());
            }
        }
        if (get(key) != null) {
            throw new SettingsException(key + " must not hold the secret itself; set " + key + "-env (an environment "
                    + "variable) or " + key + "-file (a file) instead");
        }
        return null;
    }

    /**
     * The names used under a prefix: with keys {@code imap.work.host} and {@code imap.home.host},
     * {@code names("imap")} is [home, work]. Looks in the file, the overrides and the environment.
     */
    public List<String> names(String prefix) {
        TreeSet<String> names = new TreeSet<>();
        String dotted = prefix + ".";
        List<String> keys = new ArrayList<>(overrides.keySet());
        file.stringPropertyNames().forEach(keys::add);
        for (String k : keys) {
            if (k.startsWith(dotted) && k.indexOf('.', dotted.length()) > 0) {
                names.add(k.substring(dotted.length(), k.indexOf('.', dotted.length())));
            }
        }
        String envPrefix = envName(prefix) + "_";
        for (String k : env.keySet()) {
            if (k.startsWith(envPrefix) && k.indexOf('_', envPrefix.length()) > 0) {
                names.add(k.substring(envPrefix.length(), k.indexOf('_', envPrefix.length())).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    private SettingsException invalid(String key, String value, String expected) {
        return new SettingsException("setting " + key + " = \"" + value + "\" must be " + expected
                + (filePath == null ? "" : " (config file " + filePath + ", or " + envName(key) + ")"));
    }
}
