package org.tlsrpthub.hub.importer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an mbox file into its messages. A message starts at a line beginning with "From " at the
 * start of the file or after a line break; ">From " quoting (mboxrd) is undone, since the raw
 * archive must hold each message as it was before it went into the mailbox.
 */
final class Mbox {
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private Mbox() {}

    /** True when the content starts with an mbox "From " separator line. */
    static boolean looksLikeMbox(byte[] b) {
        return startsWith(b, 0, FROM) && indexOf(b, (byte) '\n', 0) > 0 && looksLikeHeaderAfterFirstLine(b);
    }

    private static boolean looksLikeHeaderAfterFirstLine(byte[] b) {
        int nl = indexOf(b, (byte) '\n', 0);
        int colon = indexOf(b, (byte) ':', nl + 1);
        int nextNl = indexOf(b, (byte) '\n', nl + 1);
        return colon > nl && (nextNl < 0 || colon < nextNl);
    }

    /** The messages, each without its "From " separator line. */
    static List<byte[]> split(byte[] b) {
        List<byte[]> messages = new ArrayList<>();
        int start = -1;
        int lineStart = 0;
        while (lineStart < b.length) {
            int nl = indexOf(b, (byte) '\n', lineStart);
            int lineEnd = nl < 0 ? b.length : nl + 1;
            if (startsWith(b, lineStart, FROM) && (lineStart == 0 || precededByBlankLine(b, lineStart))) {
                if (start >= 0) messages.add(unquote(Arrays.copyOfRange(b, start, lineStart)));
                start = lineEnd; // the message begins after the separator line
            }
            lineStart = lineEnd;
        }
        if (start >= 0 && start < b.length) messages.add(unquote(Arrays.copyOfRange(b, start, b.length)));
        return messages;
    }

    private static boolean precededByBlankLine(byte[] b, int lineStart) {
        // "\n\n" or "\r\n\r\n" before the separator; lineStart - 1 is the '\n' ending the previous line
        if (lineStart >= 2 && b[lineStart - 2] == '\n') return true;
        return lineStart >= 3 && b[lineStart - 2] == '\r' && b[lineStart - 3] == '\n';
    }

    /** Undoes mboxrd quoting: a line of ">From ", ">>From ", … loses one '>'. */
    private static byte[] unquote(byte[] m) {
        var out = new java.io.ByteArrayOutputStream(m.length);
        int lineStart = 0;
        while (lineStart < m.length) {
            int nl = indexOf(m, (byte) '\n', lineStart);
            int lineEnd = nl < 0 ? m.length : nl + 1;
            int gt = lineStart;
            while (gt < lineEnd && m[gt] == '>') gt++;
            if (gt > lineStart && startsWith(m, gt, FROM)) lineStart++;
            out.write(m, lineStart, lineEnd - lineStart);
            lineStart = lineEnd;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
        return true;
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == v) return i;
        return -1;
    }
}
