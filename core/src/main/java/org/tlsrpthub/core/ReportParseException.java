package org.tlsrpthub.core;

import org.tlsrpthub.core.report.NulReplacement;

/**
 * Input that cannot be accepted as a TLS-RPT report, with where and why. The message always names
 * the source and, when known, the JSON pointer and the line and column of the offending token.
 */
public final class ReportParseException extends Exception {

    /** Broad classes of refusal, used to group quarantine reasons. */
    public enum Kind {
        /** The bytes are not JSON, gzip, zip or an email. */
        UNRECOGNISED_FORMAT,
        /** Broken gzip or zip data. */
        BAD_COMPRESSION,
        /** Not well-formed JSON, invalid UTF-8, or a duplicate member name. */
        BAD_JSON,
        /** Well-formed JSON that is not a TLS-RPT report (wrong types, missing required members). */
        BAD_REPORT,
        /** A value of the right type but not allowed (negative count, end before start). */
        BAD_VALUE,
        /** A configured limit was exceeded. */
        LIMIT_EXCEEDED,
        /** An email that holds no report, or a MIME structure that cannot be read. */
        BAD_EMAIL
    }

    private final Kind kind;
    private final String reason;
    private final String source;
    private final String pointer;
    private final long line;
    private final long column;

    /** The texts may quote the input (a member name, a value), so U+0000 in them is replaced: the quarantine stores them. */
    public ReportParseException(Kind kind, String reason, String source, String pointer, long line, long column) {
        super(format(NulReplacement.apply(reason), NulReplacement.apply(source), NulReplacement.apply(pointer), line, column));
        this.kind = kind;
        this.reason = NulReplacement.apply(reason);
        this.source = NulReplacement.apply(source);
        this.pointer = NulReplacement.apply(pointer);
        this.line = line;
        this.column = column;
    }

    public ReportParseException(Kind kind, String reason, String source) {
        this(kind, reason, source, null, -1, -1);
    }

    private static String format(String reason, String source, String pointer, long line, long column) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) sb.append(source).append(": ");
        sb.append(reason);
        if (pointer != null) sb.append(" at ").append(pointer.isEmpty() ? "/" : pointer);
        if (line > 0) sb.append(" (line ").append(line).append(", column ").append(column).append(')');
        return sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    /** JSON pointer (RFC 6901) of the offending value, "" for the root; null when not in JSON. */
    public String pointer() {
        return pointer;
    }

    /** 1-based line, or -1 when unknown. */
    public long line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public long column() {
        return column;
    }

    /** The same error, attributed to another source (e.g. "report.eml part 2"). */
    public ReportParseException withSource(String newSource) {
        return new ReportParseException(kind, reason, newSource, pointer, line, column);
    }
}
