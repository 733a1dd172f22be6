package org.tlsrpthub.core.payload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds gzip and zip inputs for tests. */
public final class Packing {
    private Packing() {}

    public static byte[] gzip(byte[] data) {
        try {
            var out = new ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** gzip of {@code size} zero bytes, written in chunks so the test needs no large array. */
    static byte[] gzipOfZeros(long size) {
        try {
            var out = new ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(out, 1 << 16)) {
                byte[] chunk = new byte[1 << 20];
                for (long left = size; left > 0; left -= chunk.length) gz.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(String[] names, byte[][] contents) {
        try {
            var out = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(out)) {
                for (int i = 0; i < names.length; i++) {
                    zip.putNextEntry(new ZipEntry(names[i]));
                    zip.write(contents[i]);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
