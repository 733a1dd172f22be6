package org.tlsrpthub.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.payload.PayloadReader;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Report;

/**
 * Any bytes at all: {@link PayloadReader#read} returns reports or throws {@link ReportParseException},
 * nothing else; and every report it returns survives {@link ReportWriter} and a second parse unchanged.
 * Without {@code JAZZER_FUZZ} this runs the seeds and past findings in
 * {@code src/test/resources/org/tlsrpthub/core/json/ReportParserFuzzTestInputs/readOrRefuse/};
 * how to fuzz: docs/fuzzing.md.
 */
class ReportParserFuzzTest {
    private static final PayloadReader READER = new PayloadReader();
    private static final ReportWriter WRITER = new ReportWriter();

    @FuzzTest
    void readOrRefuse(byte[] input) {
        List<ParsedReport> reports;
        try {
            reports = READER.read(input, "fuzz");
        } catch (ReportParseException e) {
            assertNotNull(e.kind(), "a refusal names its kind");
            return; // any other exception escapes and is a finding
        }
        for (ParsedReport parsed : reports) {
            byte[] json = WRITER.write(parsed.report());
            Report again;
            try {
                again = READER.read(json, "round-trip").get(0).report();
            } catch (ReportParseException e) {
                throw new AssertionError("the writer's output is refused: " + e.getMessage() + "\n"
                        + new String(json, StandardCharsets.UTF_8), e);
            }
            assertEquals(parsed.report(), again, () -> "the round trip changed the report; written as\n"
                    + new String(json, StandardCharsets.UTF_8));
        }
    }
}
