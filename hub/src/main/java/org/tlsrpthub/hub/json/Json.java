package org.tlsrpthub.hub.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The hub's JSON output, one shape everywhere (API answers, problems, {@code --json} output of the
 * commands): records as objects, instants as RFC 3339 strings, dates as 2026-02-01. The hub's own
 * mapper, so that nothing depends on how Javalin's default one is configured.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Fills a generator, for output written field by field; may throw IOException like the generator itself. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {}

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
        }
    }

    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
        }
    }

    /** Answers with {@code value} as application/json. */
    public static void render(Context ctx, Object value) {
        ctx.contentType("application/json").result(bytes(value));
    }

    /** Prints one pretty-printed document written by {@code body}, so scripts get a stable shape. */
    public static void print(PrintWriter out, Body body) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        out.println(sw);
        out.flush();
    }
}
