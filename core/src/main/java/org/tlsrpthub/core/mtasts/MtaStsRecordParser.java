package org.tlsrpthub.core.mtasts;

import java.util.ArrayList;
import java.util.List;

import org.tlsrpthub.core.syntax.Chars;
import org.tlsrpthub.core.syntax.Extension;
import org.tlsrpthub.core.syntax.Field;
import org.tlsrpthub.core.syntax.FieldScanner;
import org.tlsrpthub.core.syntax.RecordSyntaxException;
import org.tlsrpthub.core.syntax.RecordWarning;
import org.tlsrpthub.core.syntax.TxtRecords;
import org.tlsrpthub.core.syntax.TxtSelection;
import org.tlsrpthub.core.syntax.VersionTag;

/** Parses the TXT record at {@code _mta-sts.<domain>} (RFC 8461 §3.1). Pure: no DNS. */
public final class MtaStsRecordParser {

    /** RFC 8461 §3.1: {@code %s"v=STSv1"}, first in the record. */
    public static final String VERSION = "v=STSv1";
    /** RFC 8461 §3.1: {@code sts-id = %s"id=" 1*32(ALPHA / DIGIT)}. */
    static final int MAX_ID_LENGTH = 32;

    private MtaStsRecordParser() {
    }

    /**
     * True if the record begins with {@code v=STSv1} then ';', whitespace or the end. RFC 8461 §3.1
     * filters on {@code v=STSv1;}; erratum 6285 allows whitespace before ';', so such records are
     * let through and warned about.
     */
    public static boolean isCandidate(String record) {
        return VersionTag.begins(record, VERSION);
    }

    /** Among all TXT records of a name (each joined), the MTA-STS one; several means none (RFC 8461 §3.1). */
    public static TxtSelection select(List<String> joinedRecords) {
        return TxtRecords.select(joinedRecords, MtaStsRecordParser::isCandidate);
    }

    public static MtaStsRecordParse parse(String text) {
        if (!isCandidate(text)) return new MtaStsRecordParse.NotMtaSts(VersionTag.whyNot(text, VERSION, "an MTA-STS record"));
        List<RecordWarning> warnings = new ArrayList<>();
        try {
            String id = null;
            List<Extension> extensions = new ArrayList<>();
            Field lookalike = null;
            for (Field f : FieldScanner.scan(text, VERSION.length(), warnings)) {
                if (f.name().equals("id")) { // RFC 8461 §3.1: %s"id=", case-sensitive
                    if (id != null) {
                        // RFC 8461 is silent; an id is the policy's version, two are ambiguous: refuse ([impl]).
                        throw new RecordSyntaxException("a second id= field; the policy id must be given once",
                                text, f.nameOffset());
                    }
                    checkId(text, f);
                    id = f.value();
                } else {
                    // RFC 8461 §3.1: other fields (sts-ext) are allowed; senders ignore them.
                    extensions.add(FieldScanner.extension(text, f));
                    if (f.name().equalsIgnoreCase("id")) lookalike = f;
                }
            }
            if (id == null) {
                if (lookalike != null) {
                    throw new RecordSyntaxException("the required id= field is missing: field names are"
                            + " case-sensitive, '" + lookalike.name() + "=' is not 'id='", text, lookalike.nameOffset());
                }
                throw new RecordSyntaxException("the required id= field is missing", text, text.length());
            }
            return new MtaStsRecordParse.Valid(new MtaStsRecord(id, extensions), warnings);
        } catch (RecordSyntaxException e) {
            return new MtaStsRecordParse.Malformed(e.error());
        }
    }

    /** RFC 8461 §3.1: 1 to 32 ASCII letters and digits. */
    private static void checkId(String text, Field f) throws RecordSyntaxException {
        String v = f.value();
        for (int i = 0; i < v.length(); i++) {
            if (!Chars.isAlphaNum(v.charAt(i))) {
                throw new RecordSyntaxException("character " + Chars.describe(v.charAt(i)) + " is not allowed in id"
                        + " (only letters and digits, RFC 8461 §3.1)", text, f.valueOffset() + i);
            }
        }
        if (v.length() > MAX_ID_LENGTH) {
            throw new RecordSyntaxException("id is " + v.length() + " characters long; at most " + MAX_ID_LENGTH
                    + " are allowed (RFC 8461 §3.1)", text, f.valueOffset() + MAX_ID_LENGTH);
        }
    }
}
