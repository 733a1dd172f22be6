package org.tlsrpthub.hub.cli;

import org.tlsrpthub.core.Limits;
import picocli.CommandLine.Option;

/** The input limits as command-line options (defaults: {@link Limits#DEFAULTS}). */
public final class LimitOptions {
    @Option(names = "--max-input-bytes", paramLabel = "N", defaultValue = "26214400",
            description = "Refuse inputs larger than N bytes as received (default: ${DEFAULT-VALUE}).")
    long maxInputBytes;

    @Option(names = "--max-decompressed-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "Refuse reports that decompress to more than N bytes (default: ${DEFAULT-VALUE}).")
    long maxDecompressedBytes;

    @Option(names = "--max-failure-details", paramLabel = "N", defaultValue = "1000000",
            description = "Refuse reports with more than N failure details (default: ${DEFAULT-VALUE}).")
    int maxFailureDetails;

    public Limits limits() {
        return Limits.DEFAULTS.withMaxInputBytes(maxInputBytes)
                .withMaxDecompressedBytes(maxDecompressedBytes)
                .withMaxFailureDetails(maxFailureDetails);
    }
}
