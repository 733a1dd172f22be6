package org.tlsrpthub.core.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the part of a TLS-RPT or MTA-STS TXT record after its version tag into fields. Both
 * grammars share the shape (RFC 8460 §3, RFC 8461 §3.1):
 * <pre>
 * record = version 1*( delim field ) [ delim ]
 * delim  = *WSP ";" *WSP
 * field  = name "=" value
 * </pre>
 * Field names are checked here against {@code ext-name}, which every defined name (rua, id) also
 * satisfies; values are left to the caller, because each field has its own value grammar.
 */
public final class FieldScanner {

    /** {@code ext-name = (ALPHA / DIGIT) 0*31( ALPHA / DIGIT / "_" / "-" / "." )}. */
    static final int MAX_NAME_LENGTH = 32;

    private FieldScanner() {
    }

    /**
     * Scans the fields that follow the version tag ending at {@code afterVersion}.
     *
     * @param warnings receives the tolerated deviations
     * @throws RecordSyntaxException at the first character that fits no field
     */
    public static List<Field> scan(String text, int afterVersion, List<RecordWarning> warnings)
            throws RecordSyntaxException {
        int n = text.length();
        int semicolon = Chars.skipWsp(text, afterVersion);
        if (semicolon == n) {
            throw new RecordSyntaxException("the record ends after the version; a ';' and at least one field"
                    + " must follow", text, n);
        }
        if (text.charAt(semicolon) != ';') {
            throw new RecordSyntaxException("expected ';' after the version, found "
                    + Chars.describe(text.charAt(semicolon)), text, semicolon);
        }
        if (semicolon > afterVersion) {
            // RFC 8460 §3 grammar allows "v=TLSRPTv1 ;" but senders discard records not beginning with
            // "v=TLSRPTv1;" (the same conflict as RFC 8461 erratum 6285), so warn.
            warnings.add(new RecordWarning(RecordWarning.Code.WHITESPACE_BEFORE_SEMICOLON,
                    "whitespace between the version and ';': some senders only accept records beginning with '"
                            + text.substring(0, afterVersion) + ";'", afterVersion));
        }
        List<Field> fields = new ArrayList<>();
        int pos = semicolon + 1;
        while (true) {
            pos = Chars.skipWsp(text, pos);
            if (pos == n) break; // a trailing delim is allowed
            if (text.charAt(pos) == ';') {
                warnings.add(new RecordWarning(RecordWarning.Code.EMPTY_FIELD, "empty field skipped", pos));
                pos++;
                continue;
            }
            int end = text.indexOf(';', pos);
            if (end < 0) end = n;
            int trimmed = end;
            while (trimmed > pos && Chars.isWsp(text.charAt(trimmed - 1))) trimmed--;
            if (end == n && trimmed < n) {
                warnings.add(new RecordWarning(RecordWarning.Code.TRAILING_WHITESPACE,
                        "whitespace at the end of the record", trimmed));
            }
            fields.add(field(text, pos, trimmed));
            pos = end == n ? n : end + 1;
        }
        return fields;
    }

    private static Field field(String text, int start, int end) throws RecordSyntaxException {
        int eq = text.indexOf('=', start);
        if (eq < 0 || eq >= end) {
            throw new RecordSyntaxException("field '" + text.substring(start, end) + "' has no '='; fields are"
                    + " written name=value", text, start);
        }
        checkName(text, start, eq);
        String name = text.substring(start, eq);
        if (eq + 1 == end) {
            throw new RecordSyntaxException("field '" + name + "' has an empty value", text, eq + 1);
        }
        if (Chars.isWsp(text.charAt(eq + 1))) {
            throw new RecordSyntaxException("whitespace is not allowed after '=' in field '" + name + "'",
                    text, eq + 1);
        }
        return new Field(name, start, text.substring(eq + 1, end), eq + 1);
    }

    private static void checkName(String text, int start, int eq) throws RecordSyntaxException {
        if (start == eq) {
            throw new RecordSyntaxException("a field name is missing before '='", text, start);
        }
        for (int i = start; i < eq; i++) {
            char c = text.charAt(i);
            if (Chars.isWsp(c)) {
                throw new RecordSyntaxException("whitespace is not allowed between a field name and '='",
                        text, i);
            }
            boolean ok = i == start ? Chars.isAlphaNum(c) : Chars.isAlphaNum(c) || c == '_' || c == '-' || c == '.';
            if (!ok) {
                throw new RecordSyntaxException("character " + Chars.describe(c) + " is not allowed in a field name"
                        + (i == start ? " (it must begin with a letter or digit)" : ""), text, i);
            }
        }
        if (eq - start > MAX_NAME_LENGTH) {
            throw new RecordSyntaxException("field name is longer than " + MAX_NAME_LENGTH + " characters",
                    text, start + MAX_NAME_LENGTH);
        }
    }

    /**
     * Checks the value of a field not otherwise defined:
     * {@code ext-value = 1*( %x21-3A / %x3C / %x3E-7E )}, visible ASCII except ';' and '='.
     */
    public static Extension extension(String text, Field field) throws RecordSyntaxException {
        String v = field.value();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '=') {
                throw new RecordSyntaxException("character " + Chars.describe(c) + " is not allowed in the value of"
                        + " field '" + field.name() + "' (only visible ASCII except ';' and '=')",
                        text, field.valueOffset() + i);
            }
        }
        return new Extension(field.name(), v);
    }
}
