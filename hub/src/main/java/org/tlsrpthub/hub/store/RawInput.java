package org.tlsrpthub.hub.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.CRC32;
import org.tlsrpthub.core.payload.NativePool;

/**
 * An input exactly as received, ready for the archive: its sha256 (of the bytes as received) and
 * a gzip of those bytes. Computing both is CPU work, so it happens before the writing transaction.
 *
 * @param archivedId the archive row this input was read from (re-parsing), else null: a new arrival
 */
public record RawInput(byte[] bytes, String sha256, byte[] gzip, Provenance provenance, Long archivedId) {

    public static RawInput of(byte[] bytes, Provenance provenance) {
        return new RawInput(bytes, sha256(bytes), gzip(bytes), provenance, null);
    }

    /** The same input, known to be archived already as row {@code id}: writing it adds no archive row. */
    public RawInput archivedAs(long id) {
        return new RawInput(bytes, sha256, gzip, provenance, id);
    }

    /** The sha256 as stored: 32 bytes. */
    public byte[] sha256Bytes() {
        return HexFormat.of().parseHex(sha256);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // A Deflater costs a few hundred KB of native memory and tens of microseconds to set up, more
    // than compressing a typical report: a shared pool keeps imports and servers fast.
    private static final NativePool<Deflater> DEFLATERS = new NativePool<>(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
            () -> new Deflater(Deflater.BEST_SPEED, true), Deflater::reset, Deflater::end);
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int STORED_BLOCK_MAX = 65_535;

    /**
     * A gzip member (RFC 1952) of {@code bytes}: header, raw deflate, CRC-32 and length. Input that
     * is already gzip or zip (most reports) would not shrink, so it goes into stored deflate blocks,
     * a copy instead of a compression attempt.
     */
    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        out.writeBytes(GZIP_HEADER);
        if (isCompressed(bytes)) {
            stored(bytes, out);
        } else {
            deflated(bytes, out);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, bytes.length);
        return out.toByteArray();
    }

    private static boolean isCompressed(byte[] b) {
        return b.length >= 4 && ((b[0] == 0x1f && (b[1] & 0xff) == 0x8b) || (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4));
    }

    // RFC 1951 §3.2.4: per block a header byte (BFINAL, BTYPE=00), LEN and its complement NLEN, the bytes.
    private static void stored(byte[] bytes, ByteArrayOutputStream out) {
        int pos = 0;
        do {
            int len = Math.min(STORED_BLOCK_MAX, bytes.length - pos);
            boolean last = pos + len == bytes.length;
            out.write(last ? 1 : 0);
            out.write(len);
            out.write(len >>> 8);
            out.write(~len);
            out.write(~len >>> 8);
            out.write(bytes, pos, len);
            pos += len;
        } while (pos < bytes.length);
    }

    private static void deflated(byte[] bytes, ByteArrayOutputStream out) {
        Deflater d = DEFLATERS.take();
        try {
            d.setInput(bytes);
            d.finish();
            byte[] buf = new byte[Math.min(64 * 1024, Math.max(512, bytes.length / 2))];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
        } finally {
            DEFLATERS.give(d);
        }
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    public static byte[] gunzip(byte[] gzip) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("archived input is not valid gzip", e);
        }
    }
}
