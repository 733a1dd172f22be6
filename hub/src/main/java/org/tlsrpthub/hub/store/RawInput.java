package org.tlsrpthub.hub.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An input exactly as received, ready for the archive: its sha256 (of the bytes as received) and
 * a gzip of those bytes. Computing both is CPU work, so it happens before the writing transaction.
 */
public record RawInput(byte[] bytes, String sha256, byte[] gzip, Provenance provenance) {

    public static RawInput of(byte[] bytes, Provenance provenance) {
        return new RawInput(bytes, sha256(bytes), gzip(bytes), provenance);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        // Fast compression: most inputs are already gzip or small JSON; the archive is for re-parsing, not for space records.
        try (var gz = new GZIPOutputStream(out, 8192) { { def.setLevel(Deflater.BEST_SPEED); } }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gunzip(byte[] gzip) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("archived input is not valid gzip", e);
        }
    }
}
