package org.tlsrpthub.hub.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.tlsrpthub.core.syntax.Caret;
import org.tlsrpthub.core.syntax.RecordError;
import org.tlsrpthub.core.syntax.RecordWarning;

/** What the record-checking commands (TLS-RPT and MTA-STS) print alike, as text and as JSON. */
final class RecordCheckOutput {
    private RecordCheckOutput() {}

    /** "invalid KIND record: reason (at column N)" and the record with a caret under the place. */
    static void printMalformed(PrintWriter out, String kind, RecordError error) {
        out.println("invalid " + kind + " record: " + error.reason() + " (at column " + error.column() + ")");
        out.println(error.caretText());
    }

    /** A malformed record as JSON: status, then the error with its offset, column and caret line. */
    static void writeMalformed(JsonGenerator g, RecordError error) throws IOException {
        g.writeStringField("status", "malformed");
        g.writeObjectFieldStart("error");
        g.writeStringField("reason", error.reason());
        g.writeNumberField("offset", error.offset());
        g.writeNumberField("column", error.column());
        g.writeStringField("caret", error.caretText());
        g.writeEndObject();
    }

    static void printWarnings(PrintWriter out, String text, List<RecordWarning> warnings) {
        for (RecordWarning w : warnings) {
            out.println("warning: " + w);
            out.println(Caret.render(text, Math.min(w.offset(), text.length())));
        }
    }

    static void writeWarnings(JsonGenerator g, List<RecordWarning> warnings) throws IOException {
        g.writeArrayFieldStart("warnings");
        for (RecordWarning w : warnings) {
            g.writeStartObject();
            g.writeStringField("code", w.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeStringField("message", w.message());
            g.writeNumberField("offset", w.offset());
            g.writeNumberField("column", w.column());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
