package org.tlsrpthub.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.IOException;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * Parses the JSON of one TLS-RPT report (RFC 8460 §4.4). Strict where a wrong value would make the
 * numbers wrong (structure, types, counts, dates); lenient, with a named warning each time, where
 * real senders deviate from the RFC without harm (see {@link org.tlsrpthub.core.report.WarningCode}).
 * Thread-safe: one instance serves any number of threads.
 */
public final class ReportParser {
    private final Limits limits;
    private final JsonFactory factory;

    public ReportParser(Limits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                // RFC 8460 §4: the report is I-JSON (RFC 7493 §2.3), which forbids duplicate names
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(64)
                        .maxDocumentLength(limits.maxDecompressedBytes())
                        .build())
                .build();
    }

    public ReportParser() {
        this(Limits.DEFAULTS);
    }

    public Limits limits() {
        return limits;
    }

    /** Parses one report from UTF-8 JSON bytes; {@code source} names the input in error messages. */
    public ParsedReport parse(byte[] json, String source) throws ReportParseException {
        return parse(json, 0, json.length, source);
    }

    public ParsedReport parse(byte[] json, int offset, int length, String source) throws ReportParseException {
        if (length == 0) throw new ReportParseException(Kind.BAD_JSON, "empty input: no JSON report", source);
        try (JsonParser parser = factory.createParser(json, offset, length)) {
            return new ReportReading(parser, source, limits, hasByteOrderMark(json, offset, length)).read();
        } catch (StreamConstraintsException e) {
            throw JsonCursor.error(Kind.LIMIT_EXCEEDED, e.getOriginalMessage(), source, e);
        } catch (JsonProcessingException e) {
            throw JsonCursor.error(Kind.BAD_JSON, describe(e), source, e);
        } catch (CharConversionException e) {
            throw new ReportParseException(Kind.BAD_JSON, "invalid UTF-8: " + e.getMessage(), source);
        } catch (IOException e) {
            // reading from a byte array cannot fail with a real I/O error
            throw new ReportParseException(Kind.BAD_JSON, "unreadable JSON: " + e.getMessage(), source);
        }
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) return "not valid JSON";
        if (m.startsWith("Duplicate field")) return "duplicate member name " + m.substring("Duplicate field ".length())
                + " (RFC 7493 I-JSON forbids duplicates)";
        if (m.startsWith("Invalid UTF-8")) return "invalid UTF-8: " + m;
        // Jackson's messages end with a long hint on how to configure Jackson; keep the first sentence
        int hint = m.indexOf("\n");
        return "not valid JSON: " + (hint > 0 ? m.substring(0, hint) : m);
    }

    private static boolean hasByteOrderMark(byte[] b, int off, int len) {
        return len >= 3 && (b[off] & 0xff) == 0xEF && (b[off + 1] & 0xff) == 0xBB && (b[off + 2] & 0xff) == 0xBF;
    }
}
