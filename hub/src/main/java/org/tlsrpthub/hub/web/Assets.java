package org.tlsrpthub.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the front-end libraries are served from; the WebJar's own version, so a bump in the pom needs no edit here. */
public final class Assets {
    public static final String CHART_JS = "/webjars/chart.js/" + version("org.webjars.npm", "chart.js") + "/dist/chart.umd.min.js";

    private Assets() {}

    private static String version(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the WebJar " + artifact + " is missing from the class path");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
