package org.tlsrpthub.core;

/** How a report arrived: as a bare payload (RFC 8460 §5.2–§5.4) or inside an email (§5.3). */
public enum InputFormat {
    JSON,
    GZIP,
    ZIP,
    EMAIL;

    /**
     * The payload packing shown by the first bytes: gzip magic 1f 8b (RFC 1952), zip local header
     * {@code PK\3\4}, or JSON (an object, after an optional UTF-8 BOM and whitespace); null otherwise.
     * Never {@link #EMAIL}: telling an email apart is {@link InputReader}'s job.
     */
    public static InputFormat ofPayload(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return GZIP;
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return ZIP;
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) i = 3;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        return i < b.length && b[i] == '{' ? JSON : null;
    }
}
