package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;

/**
 * Property: whatever the bytes, {@link ReportEmailExtractor#extract} returns or throws
 * {@link ReportParseException} (never another exception), in bounded time (timed only while fuzzing). Plain {@code mvn test}
 * replays the seeds in {@code ReportEmailExtractorFuzzTestInputs/extract/}; see docs/fuzzing.md to fuzz.
 */
class ReportEmailExtractorFuzzTest {
    // Small limits keep each run fast; the property does not depend on their size.
    private static final Limits LIMITS = Limits.DEFAULTS.withMaxInputBytes(256 * 1024)
            .withMaxDecompressedBytes(1024 * 1024);
    // A slow input is a finding only while fuzzing; a replay in the test suite must not race the clock.
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;

    private final ReportEmailExtractor extractor = new ReportEmailExtractor(LIMITS);

    @FuzzTest(maxDuration = "30s")
    void extract(byte[] data) {
        long start = System.nanoTime();
        try {
            ReportEmail email = extractor.extract(data, "fuzz");
            assertThat(email.reports()).isNotEmpty();
        } catch (ReportParseException e) {
            assertThat(e.getMessage()).startsWith("fuzz");
        }
        if (FUZZING) assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET);
    }
}
