package org.tlsrpthub.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tlsrpthub.core.syntax.TxtRecords;

/**
 * Fuzzes the TLS-RPT record parser. Property: {@link TlsRptRecordParser#parse} returns one of its
 * three results for any text and never throws; a valid record's destinations regenerate into a
 * record that parses to the same destinations. Plain {@code mvn test} replays the seeds in
 * {@code TlsRptRecordFuzzTestInputs/}; see docs/fuzzing.md to fuzz for longer.
 */
class TlsRptRecordFuzzTest {

    @FuzzTest
    void parsingNeverThrowsAndValidRecordsRoundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        switch (TlsRptRecordParser.parse(text)) {
            case TlsRptRecordParse.NotTlsRpt n -> assertThat(TlsRptRecordParser.isCandidate(text)).isFalse();
            case TlsRptRecordParse.Malformed m -> assertThat(m.error().describe()).contains("^");
            case TlsRptRecordParse.Valid v -> {
                GeneratedRecord g = TlsRptRecordGenerator.generate(v.record().rua());
                assertThat(TxtRecords.join(g.characterStrings())).isEqualTo(g.text());
                assertThat(g.characterStrings()).allSatisfy(s -> assertThat(s.length()).isBetween(1, 255));
                assertThat(TlsRptRecordParser.parse(g.text())).isInstanceOfSatisfying(TlsRptRecordParse.Valid.class,
                        again -> assertThat(again.record().rua()).isEqualTo(v.record().rua()));
            }
        }
    }
}
