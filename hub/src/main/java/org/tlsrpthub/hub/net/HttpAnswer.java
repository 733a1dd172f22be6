package org.tlsrpthub.hub.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 answer read with hard size limits: the head at most {@value #MAX_HEAD} bytes, the
 * body at most {@code maxBody} (reading stops there: a larger body is {@link TooLarge}).
 * Content-Length, chunked and read-to-close bodies are understood; anything else is a
 * {@link ProtocolException} naming what was wrong.
 *
 * @param headers lower-case names; a repeated header keeps its last value
 */
public record HttpAnswer(int status, String reason, Map<String, String> headers, byte[] body) {
    public static final int MAX_HEAD = 16 * 1024;

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Reads the status line and headers only; the body is read by {@link #readBody}. */
    public static HttpAnswer readHead(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD};
        String status = line(in, budget);
        if (status == null) throw new ProtocolException("the server closed the connection without answering");
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new ProtocolException("the answer is not HTTP: it begins '" + printable(status) + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; (h = line(in, budget)) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new ProtocolException("malformed header line '" + printable(h) + "'");
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        return new HttpAnswer(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers, new byte[0]);
    }

    /** This answer with its body, at most {@code maxBody} bytes; a longer one is refused without reading on. */
    public HttpAnswer readBody(InputStream in, int maxBody) throws IOException {
        String te = header("transfer-encoding");
        byte[] body;
        if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0]; // never a body (RFC 9112 §6.3): do not wait for one
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in, maxBody);
        } else if (header("content-length") != null) {
            long length;
            try {
                length = Long.parseLong(header("content-length"));
            } catch (NumberFormatException e) {
                throw new ProtocolException("Content-Length '" + printable(header("content-length")) + "' is not a number");
            }
            if (length < 0) throw new ProtocolException("Content-Length " + length + " is negative");
            if (length > maxBody) throw new TooLarge(maxBody, "Content-Length says " + length + " bytes");
            body = in.readNBytes((int) length);
            if (body.length < length) throw new ProtocolException("the body ended after " + body.length + " of " + length + " bytes");
        } else {
            body = upTo(in, maxBody);
        }
        return new HttpAnswer(status, reason, headers, body);
    }

    private static byte[] chunked(InputStream in, int maxBody) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] budget = {MAX_HEAD};
        while (true) {
            String sizeLine = line(in, budget);
            if (sizeLine == null) throw new ProtocolException("the chunked body ended without its last chunk");
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size '" + printable(sizeLine) + "'");
            }
            if (size < 0) throw new ProtocolException("bad chunk size '" + printable(sizeLine) + "'");
            if (size == 0) return out.toByteArray();
            if (out.size() + size > maxBody) throw new TooLarge(maxBody, "more arrived");
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) throw new ProtocolException("a chunk ended early");
            out.write(chunk);
            line(in, budget); // the CRLF after the chunk
        }
    }

    private static byte[] upTo(InputStream in, int maxBody) throws IOException {
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) throw new TooLarge(maxBody, "more arrived");
        return body;
    }

    /** A body over the limit; reading stopped there. */
    public static final class TooLarge extends ProtocolException {
        private final int limit;
        private final String seen;

        TooLarge(int limit, String seen) {
            super("the body is larger than " + limit + " bytes (" + seen + ")");
            this.limit = limit;
            this.seen = seen;
        }

        public int limit() {
            return limit;
        }

        /** How it showed: "Content-Length says 70000 bytes", "more arrived". */
        public String seen() {
            return seen;
        }
    }

    /** One CRLF- (or LF-) terminated line as ISO-8859-1, null at the end of the stream. */
    private static String line(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (--budget[0] < 0) throw new ProtocolException("the HTTP head is longer than " + MAX_HEAD + " bytes");
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** {@code s} with anything but printable ASCII as '?', cut at 80 characters: safe to put in a message. */
    public static String printable(String s) {
        String v = s.replaceAll("[^\\x20-\\x7e]", "?");
        return v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }
}
