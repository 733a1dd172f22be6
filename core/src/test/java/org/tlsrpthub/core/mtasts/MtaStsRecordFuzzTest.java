package org.tlsrpthub.core.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MTA-STS TXT record parser. Property: it never throws, and a valid record written out
 * again with {@link MtaStsRecord#toText()} parses to the same record without warnings.
 */
class MtaStsRecordFuzzTest {

    @FuzzTest
    void parsingNeverThrowsAndValidRecordsRoundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        switch (MtaStsRecordParser.parse(text)) {
            case MtaStsRecordParse.NotMtaSts n -> assertThat(MtaStsRecordParser.isCandidate(text)).isFalse();
            case MtaStsRecordParse.Malformed m -> assertThat(m.error().describe()).contains("^");
            case MtaStsRecordParse.Valid v -> assertThat(MtaStsRecordParser.parse(v.record().toText()))
                    .isEqualTo(new MtaStsRecordParse.Valid(v.record(), List.of()));
        }
    }
}
