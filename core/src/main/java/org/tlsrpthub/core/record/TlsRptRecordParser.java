package org.tlsrpthub.core.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tlsrpthub.core.syntax.Chars;
import org.tlsrpthub.core.syntax.Extension;
import org.tlsrpthub.core.syntax.Field;
import org.tlsrpthub.core.syntax.FieldScanner;
import org.tlsrpthub.core.syntax.RecordSyntaxException;
import org.tlsrpthub.core.syntax.RecordWarning;
import org.tlsrpthub.core.syntax.TxtRecords;
import org.tlsrpthub.core.syntax.TxtSelection;
import org.tlsrpthub.core.syntax.VersionTag;

/** Parses the TXT record at {@code _smtp._tls.<domain>} (RFC 8460 §3). Pure: no DNS. */
public final class TlsRptRecordParser {

    /** RFC 8460 §3: {@code %s"v=TLSRPTv1"}, case-sensitive, first. */
    public static final String VERSION = "v=TLSRPTv1";

    private TlsRptRecordParser() {
    }

    /**
     * True if the record is a TLS-RPT candidate: it begins with {@code v=TLSRPTv1} followed by ';',
     * whitespace or the end. RFC 8460 §3 filters on {@code v=TLSRPTv1;}; whitespace before ';' is
     * let through here so that it is reported as a warning instead of vanishing (checklist 1.1 gap).
     */
    public static boolean isCandidate(String record) {
        return VersionTag.begins(record, VERSION);
    }

    /**
     * Among all TXT records of a name (each already {@linkplain TxtRecords#join joined}), the TLS-RPT
     * one. RFC 8460 §3: if not exactly one remains, the domain does not use TLS-RPT.
     */
    public static TxtSelection select(List<String> joinedRecords) {
        return TxtRecords.select(joinedRecords, TlsRptRecordParser::isCandidate);
    }

    public static TlsRptRecordParse parse(String text) {
        if (!isCandidate(text)) return new TlsRptRecordParse.NotTlsRpt(VersionTag.whyNot(text, VERSION, "a TLS-RPT record"));
        List<RecordWarning> warnings = new ArrayList<>();
        try {
            List<Field> fields = FieldScanner.scan(text, VERSION.length(), warnings);
            Map<String, RuaDestination> rua = new LinkedHashMap<>();
            List<Extension> extensions = new ArrayList<>();
            int ruaFields = 0;
            Field lookalike = null;
            for (Field f : fields) {
                if (f.name().equals("rua")) { // RFC 8460 §3: %s"rua=", case-sensitive
                    if (++ruaFields == 2) {
                        // RFC 8460 §3 is silent on several rua= fields; we merge them (checklist 1.2 [impl]).
                        warnings.add(new RecordWarning(RecordWarning.Code.SEVERAL_RUA_FIELDS,
                                "several rua= fields; their URIs were merged, but other parsers may use only one;"
                                        + " list all URIs in one rua= field separated by ','", f.nameOffset()));
                    }
                    addUris(text, f, rua, warnings);
                } else {
                    // RFC 8460 §3: unknown fields of a well-formed record MUST be accepted (and ignored).
                    extensions.add(FieldScanner.extension(text, f));
                    if (f.name().equalsIgnoreCase("rua")) lookalike = f;
                }
            }
            if (rua.isEmpty()) {
                if (lookalike != null) {
                    throw new RecordSyntaxException("the required rua= field is missing: field names are"
                            + " case-sensitive, '" + lookalike.name() + "=' is not 'rua='", text, lookalike.nameOffset());
                }
                throw new RecordSyntaxException("the required rua= field is missing", text, text.length());
            }
            if (rua.values().stream().allMatch(d -> d instanceof RuaDestination.OtherScheme)) {
                // RFC 8460 §3 defines only mailto: and https:, so senders have nowhere to send reports
                warnings.add(new RecordWarning(RecordWarning.Code.NO_USABLE_DESTINATION,
                        "no mailto: or https: destination: senders have nowhere to send reports", text.indexOf("rua=")));
            }
            return new TlsRptRecordParse.Valid(new TlsRptRecord(List.copyOf(rua.values()), extensions), warnings);
        } catch (RecordSyntaxException e) {
            return new TlsRptRecordParse.Malformed(e.error());
        }
    }

    /**
     * {@code rua = %s"rua=" uri *( *WSP "," *WSP uri )}: split on raw commas first, then check each
     * URI (checklist 1.2); commas inside a URI MUST be percent-encoded (RFC 8460 §3).
     */
    private static void addUris(String text, Field f, Map<String, RuaDestination> rua, List<RecordWarning> warnings)
            throws RecordSyntaxException {
        int end = f.valueOffset() + f.value().length();
        int pos = f.valueOffset();
        while (true) {
            int comma = text.indexOf(',', pos);
            if (comma < 0 || comma > end) comma = end;
            int s = Chars.skipWsp(text, pos);
            int e = comma;
            while (e > s && Chars.isWsp(text.charAt(e - 1))) e--;
            if (s >= e) {
                throw new RecordSyntaxException("empty URI in rua= (two commas in a row, or a comma at the start"
                        + " or end)", text, Math.min(s, comma));
            }
            RuaDestination d = RuaUriParser.parse(text, s, e, warnings);
            if (rua.putIfAbsent(d.uri(), d) != null) {
                warnings.add(new RecordWarning(RecordWarning.Code.DUPLICATE_URI,
                        "URI '" + d.uri() + "' is listed more than once", s));
            }
            if (comma == end) return;
            pos = comma + 1;
        }
    }
}
