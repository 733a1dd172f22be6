package org.tlsrpthub.hub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes one JSON document for {@code --json} output, so scripts get a stable shape. */
final class Json {

    /** Fills a generator; may throw IOException like the generator itself. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    static void print(PrintWriter out, Body body) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        out.println(sw);
        out.flush();
    }
}
