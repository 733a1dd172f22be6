package org.tlsrpthub.core.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes a TLS-RPT record for a list of destinations (RFC 8460 §3, checklist 1.3). */
public final class TlsRptRecordGenerator {

    /** RFC 1035 §3.3: a character-string holds at most 255 octets. */
    public static final int MAX_STRING_OCTETS = 255;

    private TlsRptRecordGenerator() {
    }

    /**
     * One record, {@code v=TLSRPTv1; rua=uri,uri,…}, with all destinations in one rua= field.
     *
     * @throws IllegalArgumentException for no destinations, a destination listed twice, or one that
     *                                  is not a valid rua URI (possible only with hand-built records)
     */
    public static GeneratedRecord generate(List<? extends RuaDestination> destinations) {
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("a TLS-RPT record needs at least one destination (rua= is required)");
        }
        Set<String> seen = new HashSet<>();
        for (RuaDestination d : destinations) {
            if (!seen.add(d.uri())) throw new IllegalArgumentException("'" + d.uri() + "' is listed twice");
        }
        String text = TlsRptRecordParser.VERSION + "; rua="
                + destinations.stream().map(RuaDestination::uri).collect(Collectors.joining(","));
        // Correct by construction: a destination built by hand with its record constructor is re-checked here.
        if (!(TlsRptRecordParser.parse(text) instanceof TlsRptRecordParse.Valid valid)
                || !valid.record().rua().stream().map(RuaDestination::uri).toList()
                .equals(destinations.stream().map(RuaDestination::uri).toList())) {
            throw new IllegalArgumentException("the destinations do not form a valid record: " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7e) throw new IllegalArgumentException("not ASCII: " + text); // RFC 8460 §3
        }
        return new GeneratedRecord(text, split(text));
    }

    /** Cuts ASCII text into pieces of at most 255 octets; any cut is fine since they are joined verbatim. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += MAX_STRING_OCTETS) {
            out.add(text.substring(i, Math.min(text.length(), i + MAX_STRING_OCTETS)));
        }
        return out;
    }
}
