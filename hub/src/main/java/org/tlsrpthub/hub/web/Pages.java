package org.tlsrpthub.hub.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the jte templates compiled into the jar (src/main/jte, HTML content type: every
 * {@code ${…}} is escaped for its HTML context, which is what keeps report strings inert).
 */
public final class Pages {
    /**
     * No inline scripts or styles at all: even if a report string ever slipped through unescaped,
     * the browser would refuse to run it. Charts read their data from data-attributes.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, String template, PageInfo page, Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < namesAndValues.length; i += 2) params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.html(out.toString());
    }
}
