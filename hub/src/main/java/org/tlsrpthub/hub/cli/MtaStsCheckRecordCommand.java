package org.tlsrpthub.hub.cli;

import org.tlsrpthub.hub.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import org.tlsrpthub.core.mtasts.MtaStsRecordParse;
import org.tlsrpthub.core.mtasts.MtaStsRecordParser;
import org.tlsrpthub.core.syntax.TxtRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub mta-sts check-record 'v=STSv1; id=…'}. */
@Command(name = "check-record",
        mixinStandardHelpOptions = true,
        description = {"Check an MTA-STS TXT record (RFC 8461 §3.1), published at _mta-sts.<domain>.",
                "Exit status: 0 valid, 1 malformed or not an MTA-STS record, 2 usage error."})
final class MtaStsCheckRecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECORD",
            description = "The record text, quoted. Several arguments are joined with no separator.")
    List<String> strings;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String text = TxtRecords.join(strings);
        MtaStsRecordParse result = MtaStsRecordParser.parse(text);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, g -> writeJson(g, text, result));
        } else {
            switch (result) {
                case MtaStsRecordParse.NotMtaSts n -> out.println("not an MTA-STS record: " + n.reason());
                case MtaStsRecordParse.Malformed m -> RecordCheckOutput.printMalformed(out, "MTA-STS", m.error());
                case MtaStsRecordParse.Valid v -> {
                    out.println("valid MTA-STS record");
                    out.println("  id: " + v.record().id());
                    v.record().extensions().forEach(e -> out.println("  extension (ignored by senders): " + e));
                    RecordCheckOutput.printWarnings(out, text, v.warnings());
                }
            }
            out.flush();
        }
        return result instanceof MtaStsRecordParse.Valid ? 0 : 1;
    }

    private static void writeJson(JsonGenerator g, String text, MtaStsRecordParse result) throws IOException {
        g.writeStartObject();
        g.writeStringField("record", text);
        switch (result) {
            case MtaStsRecordParse.NotMtaSts n -> {
                g.writeStringField("status", "not-mta-sts");
                g.writeStringField("reason", n.reason());
            }
            case MtaStsRecordParse.Malformed m -> RecordCheckOutput.writeMalformed(g, m.error());
            case MtaStsRecordParse.Valid v -> {
                g.writeStringField("status", "valid");
                g.writeStringField("id", v.record().id());
                RecordCheckOutput.writeWarnings(g, v.warnings());
            }
        }
        g.writeEndObject();
    }
}
