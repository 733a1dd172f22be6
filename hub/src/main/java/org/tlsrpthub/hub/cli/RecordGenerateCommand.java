package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.tlsrpthub.core.record.GeneratedRecord;
import org.tlsrpthub.core.record.RuaDestination;
import org.tlsrpthub.core.record.TlsRptRecordGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub record generate --mailto … --https … [--domain …]}. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Generate a TLS-RPT TXT record (RFC 8460 §3) for the given report destinations.",
                "Characters not allowed in a URI (and ',' '!' ';') are percent-encoded, domains become A-labels,"
                        + " and the record is cut into character-strings of at most 255 octets.",
                "The mailto destinations come first, then the https ones, each in the order given."})
final class RecordGenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mailto", paramLabel = "ADDRESS", description = "An email address to receive reports (repeatable).")
    List<String> mailto = new ArrayList<>();

    @Option(names = "--https", paramLabel = "URL", description = "An https URL to receive reports (repeatable).")
    List<String> https = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Also print the zone file line for this domain.")
    String domain;

    @Override
    public Integer call() {
        if (mailto.isEmpty() && https.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give at least one --mailto or --https destination");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<RuaDestination> destinations = new ArrayList<>();
            mailto.forEach(a -> destinations.add(RuaDestination.mailto(a)));
            https.forEach(u -> destinations.add(RuaDestination.https(u)));
            GeneratedRecord g = TlsRptRecordGenerator.generate(destinations);
            String zone = domain == null ? null : g.zoneLine(domain);
            out.println("record:");
            out.println("  " + g.text());
            out.println("character-strings (" + g.characterStrings().size() + ", at most 255 octets each):");
            g.characterStrings().forEach(s -> out.println("  \"" + s + "\""));
            out.println(zone == null ? "zone file value:" : "zone file line:");
            out.println("  " + (zone == null ? g.zoneFileForm() : zone));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
