package org.tlsrpthub.core;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.mail.EmailReport;
import org.tlsrpthub.core.mail.ReportEmail;
import org.tlsrpthub.core.mail.ReportEmailExtractor;
import org.tlsrpthub.core.payload.PayloadFormat;
import org.tlsrpthub.core.payload.PayloadReader;

/**
 * The one entry point for untrusted input (a file, an HTTP body, a mailbox message): tells a report
 * payload (JSON, gzip, zip) from an email by content, never by name, and reads it within {@link Limits}.
 */
public final class InputReader {
    // RFC 5322 §2.2 field-name: printable ASCII except ":", then ":". Leading whitespace is not allowed.
    private static final Pattern HEADER_LINE = Pattern.compile("[!-9;-~]+[ \\t]*:.*");
    // How much of the start is examined to recognise an email; the first field is always there.
    private static final int SNIFF_BYTES = 4096;

    private final Limits limits;
    private final PayloadReader payloads;
    private final ReportEmailExtractor emails;

    public InputReader(Limits limits) {
        this.limits = limits;
        this.payloads = new PayloadReader(limits);
        this.emails = new ReportEmailExtractor(limits);
    }

    public InputResult read(byte[] bytes, String source) throws ReportParseException {
        if (bytes.length > limits.maxInputBytes()) {
            throw new ReportParseException(Kind.LIMIT_EXCEEDED, "the input is " + bytes.length
                    + " bytes, more than maxInputBytes=" + limits.maxInputBytes(), source);
        }
        if (PayloadReader.looksLikePayload(bytes)) {
            InputFormat format = switch (PayloadFormat.detect(bytes)) {
                case GZIP -> InputFormat.GZIP;
                case ZIP -> InputFormat.ZIP;
                default -> InputFormat.JSON;
            };
            return new InputResult(format, payloads.read(bytes, source), null);
        }
        if (looksLikeEmail(bytes)) {
            ReportEmail email = emails.extract(withoutMboxLine(bytes), source);
            return new InputResult(InputFormat.EMAIL,
                    email.reports().stream().map(EmailReport::parsed).toList(), email);
        }
        throw new ReportParseException(Kind.UNRECOGNISED_FORMAT,
                "not JSON, gzip, zip or an email (it starts with " + preview(bytes) + ")", source);
    }

    /** True when the bytes start like an RFC 5322 message: a header field, optionally after an mbox "From " line. */
    static boolean looksLikeEmail(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n", 3);
        int i = 0;
        if (lines.length > 1 && lines[0].startsWith("From ")) i = 1; // mbox separator line
        return i < lines.length && HEADER_LINE.matcher(lines[i]).matches();
    }

    // An mbox "From " separator is not a header field; Jakarta Mail would take it for a broken one.
    private static byte[] withoutMboxLine(byte[] bytes) {
        if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) return bytes;
        for (int i = 5; i < bytes.length; i++) {
            if (bytes[i] == '\n') return java.util.Arrays.copyOfRange(bytes, i + 1, bytes.length);
        }
        return bytes;
    }

    private static String preview(byte[] bytes) {
        if (bytes.length == 0) return "nothing: the input is empty";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format("%02x ", bytes[i] & 0xff));
        }
        return "bytes " + sb.toString().strip();
    }
}
