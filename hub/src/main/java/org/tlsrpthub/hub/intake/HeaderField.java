package org.tlsrpthub.hub.intake;

import java.nio.charset.StandardCharsets;

/** Reads one header field from a raw message without a MIME parser (RFC 5322 §2.2: unfolded). */
final class HeaderField {
    private HeaderField() {}

    /** The first field named {@code name} (case-insensitive), unfolded and trimmed; null when absent. */
    static String first(byte[] message, String name) {
        int end = headerEnd(message);
        String head = new String(message, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).trim().equalsIgnoreCase(name)) continue;
            StringBuilder v = new StringBuilder(line.substring(colon + 1));
            while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                    && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                v.append(' ').append(lines[++i].trim());
            }
            return v.toString().trim();
        }
        return null;
    }

    private static int headerEnd(byte[] m) {
        int limit = Math.min(m.length, 256 * 1024);
        for (int i = 0; i + 1 < limit; i++) {
            if (m[i] == '\n' && (m[i + 1] == '\n' || (m[i + 1] == '\r' && i + 2 < limit && m[i + 2] == '\n'))) return i;
        }
        return limit;
    }
}
