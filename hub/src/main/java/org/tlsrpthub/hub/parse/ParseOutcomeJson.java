package org.tlsrpthub.hub.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Warning;

/**
 * The machine form of one parsed input, one JSON object on one line:
 * {@code {"source","ok","error":{message,pointer,line,column}|null,"warnings":[…],"reports":[…]}}
 * with each report in canonical RFC 8460 JSON.
 */
public final class ParseOutcomeJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final ReportWriter writer = new ReportWriter();

    public String success(String source, List<ParsedReport> reports) {
        return render(source, null, reports);
    }

    public String failure(String source, ReportParseException error) {
        return render(source, error, List.of());
    }

    private String render(String source, ReportParseException error, List<ParsedReport> reports) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeBooleanField("ok", error == null);
            if (error == null) {
                g.writeNullField("error");
            } else {
                g.writeObjectFieldStart("error");
                g.writeStringField("kind", error.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                g.writeStringField("message", error.getMessage());
                g.writeStringField("pointer", error.pointer());
                writeNumberOrNull(g, "line", error.line());
                writeNumberOrNull(g, "column", error.column());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("warnings");
            for (int i = 0; i < reports.size(); i++) {
                for (Warning w : reports.get(i).warnings()) {
                    g.writeStartObject();
                    g.writeNumberField("report", i);
                    g.writeStringField("code", w.code().id());
                    g.writeStringField("where", w.where());
                    g.writeStringField("message", w.message());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reports");
            for (ParsedReport r : reports) writer.writeReport(g, r.report());
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeNumberOrNull(JsonGenerator g, String name, long value) throws IOException {
        if (value > 0) g.writeNumberField(name, value);
        else g.writeNullField(name);
    }
}
