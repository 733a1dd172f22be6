package org.tlsrpthub.core.payload;

/** How a report payload is packed, as recognised from its first bytes (never from a name or a label). */
public enum PayloadFormat {
    JSON, GZIP, ZIP, UNKNOWN;

    public static PayloadFormat detect(byte[] b) {
        return detect(b, 0, b.length);
    }

    public static PayloadFormat detect(byte[] b, int off, int len) {
        if (BoundedGunzip.isGzip(b, off, len)) return GZIP;
        if (len >= 4 && b[off] == 'P' && b[off + 1] == 'K'
                && ((b[off + 2] == 3 && b[off + 3] == 4) || (b[off + 2] == 5 && b[off + 3] == 6))) {
            return ZIP;
        }
        int i = off, end = off + len;
        if (len >= 3 && (b[i] & 0xff) == 0xEF && (b[i + 1] & 0xff) == 0xBB && (b[i + 2] & 0xff) == 0xBF) i += 3;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        if (i < end && (b[i] == '{' || b[i] == '[')) return JSON;
        return UNKNOWN;
    }
}
