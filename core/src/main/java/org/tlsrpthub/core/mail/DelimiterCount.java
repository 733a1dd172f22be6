package org.tlsrpthub.core.mail;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the lines of a multipart body that start with its boundary delimiter (RFC 2046 §5.1.1),
 * streaming and without building any part. Jakarta Mail parses every part of a multipart before it
 * says how many there are; counting first lets a message with thousands of parts be refused before
 * that work. The count is an upper bound on the parts (the close delimiter and look-alike lines count
 * too), which is the safe side for a limit.
 */
final class DelimiterCount {
    private DelimiterCount() {}

    /**
     * Lines starting with {@code delimiter}, counting stops once {@code stopAbove} is passed.
     *
     * @param delimiter "--" + boundary, or just "--" when the boundary is unknown
     */
    static int count(InputStream in, byte[] delimiter, int stopAbove) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int count = 0;
        int matched = 0; // delimiter bytes matched on the current line; -1 once the line cannot match
        for (int n; (n = in.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    matched = 0;
                } else if (matched >= 0 && matched < delimiter.length) {
                    if (b == delimiter[matched]) {
                        if (++matched == delimiter.length && ++count > stopAbove) return count;
                    } else {
                        matched = -1;
                    }
                }
            }
        }
        return count;
    }
}
