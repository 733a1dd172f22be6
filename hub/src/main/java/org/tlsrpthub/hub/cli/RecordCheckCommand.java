package org.tlsrpthub.hub.cli;

import org.tlsrpthub.hub.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import org.tlsrpthub.core.record.RuaDestination;
import org.tlsrpthub.core.record.TlsRptRecordParse;
import org.tlsrpthub.core.record.TlsRptRecordParser;
import org.tlsrpthub.core.syntax.TxtRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub record check 'v=TLSRPTv1; rua=…'}. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check a TLS-RPT TXT record (RFC 8460 §3) and show its destinations and warnings.",
                "Exit status: 0 valid, 1 malformed or not a TLS-RPT record, 2 usage error."})
final class RecordCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECORD",
            description = "The record text, quoted. Several arguments are joined with no separator, like the"
                    + " character-strings of one TXT record.")
    List<String> strings;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String text = TxtRecords.join(strings);
        TlsRptRecordParse result = TlsRptRecordParser.parse(text);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, g -> writeJson(g, text, result));
        } else {
            printText(out, text, result);
        }
        return result instanceof TlsRptRecordParse.Valid ? 0 : 1;
    }

    private static void printText(PrintWriter out, String text, TlsRptRecordParse result) {
        switch (result) {
            case TlsRptRecordParse.NotTlsRpt n -> out.println("not a TLS-RPT record: " + n.reason());
            case TlsRptRecordParse.Malformed m -> RecordCheckOutput.printMalformed(out, "TLS-RPT", m.error());
            case TlsRptRecordParse.Valid v -> {
                out.println("valid TLS-RPT record");
                for (RuaDestination d : v.record().rua()) {
                    out.println("  rua: " + d.uri() + describe(d));
                }
                v.record().extensions().forEach(e -> out.println("  extension (ignored by senders): " + e));
                RecordCheckOutput.printWarnings(out, text, v.warnings());
            }
        }
        out.flush();
    }

    private static String describe(RuaDestination d) {
        String decoded = d.decoded().equals(d.uri()) ? "" : ", decoded " + d.decoded();
        return switch (d) {
            case RuaDestination.Mailto m -> " (email to " + m.address() + ")";
            case RuaDestination.Https h -> " (HTTPS POST to " + h.host() + decoded + ")";
            case RuaDestination.OtherScheme o -> " (scheme " + o.scheme() + ": ignored by senders)";
        };
    }

    private static void writeJson(JsonGenerator g, String text, TlsRptRecordParse result) throws IOException {
        g.writeStartObject();
        g.writeStringField("record", text);
        switch (result) {
            case TlsRptRecordParse.NotTlsRpt n -> {
                g.writeStringField("status", "not-tlsrpt");
                g.writeStringField("reason", n.reason());
            }
            case TlsRptRecordParse.Malformed m -> RecordCheckOutput.writeMalformed(g, m.error());
            case TlsRptRecordParse.Valid v -> {
                g.writeStringField("status", "valid");
                g.writeArrayFieldStart("rua");
                for (RuaDestination d : v.record().rua()) {
                    g.writeStartObject();
                    g.writeStringField("uri", d.uri());
                    g.writeStringField("decoded", d.decoded());
                    g.writeStringField("scheme", switch (d) {
                        case RuaDestination.Mailto m -> "mailto";
                        case RuaDestination.Https h -> "https";
                        case RuaDestination.OtherScheme o -> o.scheme();
                    });
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("extensions");
                for (var e : v.record().extensions()) {
                    g.writeStartObject();
                    g.writeStringField("name", e.name());
                    g.writeStringField("value", e.value());
                    g.writeEndObject();
                }
                g.writeEndArray();
                RecordCheckOutput.writeWarnings(g, v.warnings());
            }
        }
        g.writeEndObject();
    }
}
