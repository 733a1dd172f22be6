package org.tlsrpthub.core;

/**
 * Bounds on untrusted input, so that a hostile or broken report is refused quickly in bounded
 * memory instead of exhausting the process. The defaults suit real reports with a wide margin:
 * the largest real reports are a few MB of JSON.
 *
 * @param maxInputBytes        raw input as received (a file, an HTTP body, an email)
 * @param maxDecompressedBytes the JSON after gunzip / unzip (checked while inflating)
 * @param maxNestingDepth      JSON nesting depth
 * @param maxStringLength      one JSON string, in characters
 * @param maxPolicies          elements of {@code policies}
 * @param maxFailureDetails    failure details over the whole report
 * @param maxZipEntries        entries read from one zip archive
 * @param maxMimeParts         MIME parts looked at in one email
 * @param maxMimeDepth         nesting of multiparts and attached messages in one email
 */
public record Limits(
        long maxInputBytes,
        long maxDecompressedBytes,
        int maxNestingDepth,
        int maxStringLength,
        int maxPolicies,
        int maxFailureDetails,
        int maxZipEntries,
        int maxMimeParts,
        int maxMimeDepth) {

    public static final Limits DEFAULTS = new Limits(
            25L * 1024 * 1024,
            64L * 1024 * 1024,
            32,
            1024 * 1024,
            10_000,
            1_000_000,
            16,
            200,
            8);

    public Limits {
        if (maxInputBytes <= 0 || maxDecompressedBytes <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0
                || maxPolicies <= 0 || maxFailureDetails <= 0 || maxZipEntries <= 0 || maxMimeParts <= 0
                || maxMimeDepth <= 0) {
            throw new IllegalArgumentException("every limit must be positive: " + this);
        }
    }

    public Limits withMaxInputBytes(long v) {
        return new Limits(v, maxDecompressedBytes, maxNestingDepth, maxStringLength, maxPolicies,
                maxFailureDetails, maxZipEntries, maxMimeParts, maxMimeDepth);
    }

    public Limits withMaxDecompressedBytes(long v) {
        return new Limits(maxInputBytes, v, maxNestingDepth, maxStringLength, maxPolicies,
                maxFailureDetails, maxZipEntries, maxMimeParts, maxMimeDepth);
    }

    public Limits withMaxFailureDetails(int v) {
        return new Limits(maxInputBytes, maxDecompressedBytes, maxNestingDepth, maxStringLength, maxPolicies,
                v, maxZipEntries, maxMimeParts, maxMimeDepth);
    }

    public Limits withMaxNestingDepth(int v) {
        return new Limits(maxInputBytes, maxDecompressedBytes, v, maxStringLength, maxPolicies,
                maxFailureDetails, maxZipEntries, maxMimeParts, maxMimeDepth);
    }

    public Limits withMaxStringLength(int v) {
        return new Limits(maxInputBytes, maxDecompressedBytes, maxNestingDepth, v, maxPolicies,
                maxFailureDetails, maxZipEntries, maxMimeParts, maxMimeDepth);
    }

    public Limits withMaxMimeParts(int v) {
        return new Limits(maxInputBytes, maxDecompressedBytes, maxNestingDepth, maxStringLength, maxPolicies,
                maxFailureDetails, maxZipEntries, v, maxMimeDepth);
    }

    public Limits withMaxMimeDepth(int v) {
        return new Limits(maxInputBytes, maxDecompressedBytes, maxNestingDepth, maxStringLength, maxPolicies,
                maxFailureDetails, maxZipEntries, maxMimeParts, v);
    }
}
