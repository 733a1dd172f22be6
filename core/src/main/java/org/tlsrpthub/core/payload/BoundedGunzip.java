package org.tlsrpthub.core.payload;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tlsrpthub.core.InputBudget;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;

/**
 * Gunzip (RFC 1952) with a hard cap on the output, checked while inflating, so a gzip bomb is refused
 * after at most the input's remaining {@link InputBudget} of work and memory; the output is charged to
 * it. Concatenated members are joined (RFC 1952 §2.2); bytes after the last member are reported, not
 * refused, because real mailers append them.
 * Inflaters come from a pool: creating one per report costs more than the inflating.
 */
final class BoundedGunzip {
    private static final int FTEXT = 1, FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;
    private static final NativePool<Inflater> INFLATERS = new NativePool<>(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), () -> new Inflater(true), Inflater::reset, Inflater::end);

    record Result(byte[] data, int length, boolean trailingBytes) {}

    private BoundedGunzip() {}

    static boolean isGzip(byte[] b, int off, int len) {
        return len >= 2 && (b[off] & 0xff) == 0x1f && (b[off + 1] & 0xff) == 0x8b;
    }

    static Result gunzip(byte[] in, int off, int len, InputBudget budget, String source) throws ReportParseException {
        int end = off + len;
        long maxOutput = budget.remaining();
        byte[] out = new byte[initialSize(in, off, len, maxOutput)];
        Inflater inflater = INFLATERS.take();
        try {
            Result r = gunzip(in, off, end, budget, source, inflater, out);
            budget.charge(r.length(), source);
            return r;
        } finally {
            INFLATERS.give(inflater);
        }
    }

    private static Result gunzip(byte[] in, int off, int end, InputBudget budget, String source, Inflater inflater,
                                 byte[] out) throws ReportParseException {
        long maxOutput = budget.remaining();
        int outLen = 0;
        int pos = off;
        CRC32 crc = new CRC32();
        do {
            pos = skipHeader(in, pos, end, source);
            inflater.reset();
            inflater.setInput(in, pos, end - pos);
            int memberStart = outLen;
            try {
                while (!inflater.finished()) {
                    if (outLen == out.length) {
                        if (outLen > maxOutput) throw budget.exceeded(source);
                        out = Arrays.copyOf(out, (int) Math.min(Math.max(out.length * 2L, 8192), maxOutput + 1));
                    }
                    int n = inflater.inflate(out, outLen, out.length - outLen);
                    outLen += n;
                    if (outLen > maxOutput) throw budget.exceeded(source);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new ReportParseException(Kind.BAD_COMPRESSION,
                                "gzip data is truncated (ends inside the compressed stream)", source);
                    }
                }
            } catch (DataFormatException e) {
                throw new ReportParseException(Kind.BAD_COMPRESSION, "invalid gzip data: " + e.getMessage(), source);
            }
            pos = end - inflater.getRemaining();
            // RFC 1952 §2.3.1: CRC32 and ISIZE close each member
            if (end - pos < 8) throw new ReportParseException(Kind.BAD_COMPRESSION, "gzip trailer is missing (truncated file)", source);
            crc.reset();
            crc.update(out, memberStart, outLen - memberStart);
            if ((int) crc.getValue() != readIntLE(in, pos)) {
                throw new ReportParseException(Kind.BAD_COMPRESSION, "gzip CRC32 mismatch: the data is corrupt", source);
            }
            pos += 8;
        } while (isGzip(in, pos, end - pos));
        return new Result(out, outLen, pos < end && !allZero(in, pos, end));
    }

    private static int skipHeader(byte[] in, int pos, int end, String source) throws ReportParseException {
        if (end - pos < 10) throw new ReportParseException(Kind.BAD_COMPRESSION, "gzip header is truncated", source);
        if ((in[pos + 2] & 0xff) != 8) {
            throw new ReportParseException(Kind.BAD_COMPRESSION, "unsupported gzip compression method " + (in[pos + 2] & 0xff), source);
        }
        int flags = in[pos + 3] & 0xff;
        int p = pos + 10;
        if ((flags & FEXTRA) != 0) {
            if (end - p < 2) throw new ReportParseException(Kind.BAD_COMPRESSION, "gzip header is truncated", source);
            p += 2 + ((in[p] & 0xff) | (in[p + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) p = skipZeroTerminated(in, p, end, source);
        if ((flags & FCOMMENT) != 0) p = skipZeroTerminated(in, p, end, source);
        if ((flags & FHCRC) != 0) p += 2;
        if (p > end) throw new ReportParseException(Kind.BAD_COMPRESSION, "gzip header is truncated", source);
        return p;
    }

    private static int skipZeroTerminated(byte[] in, int p, int end, String source) throws ReportParseException {
        while (p < end && in[p] != 0) p++;
        if (p >= end) throw new ReportParseException(Kind.BAD_COMPRESSION, "gzip header is truncated", source);
        return p + 1;
    }

    /** Sizes the buffer from the trailer's ISIZE when it is plausible; saves the copies of growing. */
    private static int initialSize(byte[] in, int off, int len, long maxOutput) {
        long guess = len * 4L;
        if (len >= 18) {
            long isize = readIntLE(in, off + len - 4) & 0xffffffffL;
            if (isize > 0 && isize <= len * 1100L) guess = isize; // deflate cannot exceed ~1032:1
        }
        return (int) Math.max(64, Math.min(guess, Math.min(maxOutput + 1, Integer.MAX_VALUE - 16)));
    }

    private static int readIntLE(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
