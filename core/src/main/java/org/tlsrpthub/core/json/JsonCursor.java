package org.tlsrpthub.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.report.NulReplacement;
import org.tlsrpthub.core.report.WarningCode;

/**
 * The token-level half of one parser run: reading values of the expected JSON type, and naming
 * where an error or a warning is (source, JSON pointer, line and column). {@link ReportReading}
 * is the other half, which knows the shape of a report.
 */
final class JsonCursor {
    /** I-JSON (RFC 7493 §2.2): integers beyond 2^53-1 cannot be exchanged exactly. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    final JsonParser p;
    private final String source;
    final WarningCollector warnings = new WarningCollector();

    JsonCursor(JsonParser parser, String source) {
        this.p = parser;
        this.source = source;
    }

    long count(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw fail(Kind.BAD_VALUE, "count " + p.getText() + " is above 2^53-1, the largest exact I-JSON integer");
            }
            long v = p.getLongValue();
            if (v < 0) throw fail(Kind.BAD_VALUE, "count must not be negative, found " + v);
            if (v > MAX_SAFE_INTEGER) {
                throw fail(Kind.BAD_VALUE, "count " + v + " is above 2^53-1, the largest exact I-JSON integer");
            }
            return v;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) throw fail(Kind.BAD_VALUE, "count must be an integer, found " + p.getText());
        throw fail(Kind.BAD_REPORT, "count must be a non-negative integer, found " + describe(t));
    }

    String requiredString(JsonToken t) throws IOException, ReportParseException {
        if (t != JsonToken.VALUE_STRING) throw fail(Kind.BAD_REPORT, "expected a string, found " + describe(t));
        return text();
    }

    /** The current string token's text. Every string value of a report is read through here or {@link #withoutNul}. */
    String text() throws IOException {
        return withoutNul(p.getText());
    }

    /** {@code s}, read at the current token, with U+0000 replaced and a warning there when it held any. */
    String withoutNul(String s) {
        if (!NulReplacement.needed(s)) return s;
        warn(WarningCode.NUL_CHARACTER, "the value holds U+0000 (NUL); replaced by U+FFFD, as not every database can store it");
        return NulReplacement.apply(s);
    }

    /** A string the report may leave out: null and "" read as absent, with a warning unless expected. */
    String optionalString(JsonToken t, boolean warnOnEmpty) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) {
            if (warnOnEmpty) warn(WarningCode.NULL_VALUE, "null value; treated as absent");
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            // a number where text belongs (e.g. failure-reason-code 123) carries the same information
            return p.getText();
        }
        String s = requiredString(t);
        if (s.isEmpty()) {
            if (warnOnEmpty) warn(WarningCode.EMPTY_VALUE, "empty string; treated as absent");
            return null;
        }
        return s;
    }

    void expectObject(JsonToken t, String what) throws ReportParseException {
        if (t != JsonToken.START_OBJECT) throw fail(Kind.BAD_REPORT, what + " must be an object, found " + describe(t));
    }

    void unknownField(String name) throws IOException {
        warn(WarningCode.UNKNOWN_FIELD, "unknown member \"" + name + "\"; ignored");
        p.skipChildren();
    }

    // --- errors ---

    ReportParseException missing(String member) {
        JsonLocation l = p.currentTokenLocation();
        return new ReportParseException(Kind.BAD_REPORT, "required member \"" + member + "\" is missing", source,
                p.getParsingContext().pathAsPointer().toString(), l.getLineNr(), l.getColumnNr());
    }

    ReportParseException fail(Kind kind, String reason) {
        JsonLocation l = p.currentTokenLocation();
        return new ReportParseException(kind, reason, source, pointer(), l.getLineNr(), l.getColumnNr());
    }

    /** An error at {@code pointer} and {@code l} rather than at the current token. */
    ReportParseException failAt(Kind kind, String reason, String pointer, JsonLocation l) {
        return new ReportParseException(kind, reason, source, pointer, l.getLineNr(), l.getColumnNr());
    }

    /** A warning at the current token. */
    void warn(WarningCode code, String message) {
        warn(code, "", message);
    }

    /**
     * A warning at the current token's JSON pointer plus {@code suffix}. The pointer is costly to build
     * and only the first few warnings of a code are kept, so it is built for those only. After an
     * object's last member the current token is its END_OBJECT, whose pointer is the object's own.
     */
    void warn(WarningCode code, String suffix, String message) {
        if (warnings.count(code)) warnings.keep(code, pointer() + suffix, message);
    }

    private String pointer() {
        return p.getParsingContext().pathAsPointer().toString();
    }

    static ReportParseException error(Kind kind, String reason, String source, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String pointer = null;
        if (e.getProcessor() instanceof JsonParser jp && jp.getParsingContext() != null) {
            pointer = jp.getParsingContext().pathAsPointer().toString();
        }
        return new ReportParseException(kind, reason, source, pointer,
                l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr());
    }

    static String describe(JsonToken t) {
        if (t == null) return "the end of the input";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }
}
