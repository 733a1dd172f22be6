package org.tlsrpthub.core;

import org.tlsrpthub.core.ReportParseException.Kind;

/**
 * What one untrusted input may still unpack into, shared by every stage that makes bytes from it:
 * each gunzip, each zip entry, each decoded MIME part and each attached message. One budget per
 * input, so that a zip of gzips or an email of many parts gets {@link Limits#maxDecompressedBytes()}
 * once in total instead of once per stream. Not thread-safe: one input is read by one thread.
 */
public final class InputBudget {
    private final long limit;
    private long used;

    public InputBudget(long limit) {
        this.limit = limit;
    }

    public static InputBudget of(Limits limits) {
        return new InputBudget(limits.maxDecompressedBytes());
    }

    public long remaining() {
        return limit - used;
    }

    /** Takes {@code bytes} from the budget, or refuses the input when they do not fit. */
    public void charge(long bytes, String source) throws ReportParseException {
        if (bytes > remaining()) throw exceeded(source);
        used += bytes;
    }

    /** The error for an input that unpacks to more than the budget. */
    public ReportParseException exceeded(String source) {
        return new ReportParseException(Kind.LIMIT_EXCEEDED, "decompressed data exceeds " + limit
                + " bytes for the whole input (limit maxDecompressedBytes)", source);
    }
}
