package org.tlsrpthub.core.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MTA-STS policy file parser. Property: it never throws, every problem has a line
 * within the file, and a valid policy written out with {@link MtaStsPolicy#toText()} parses to the
 * same policy without warnings; each of its mx patterns matches a host built from it.
 */
class MtaStsPolicyFuzzTest {

    @FuzzTest
    void parsingNeverThrowsAndValidPoliciesRoundTrip(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        MtaStsPolicyParse result = MtaStsPolicyParser.parse(text);
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertThat(result.warnings()).allSatisfy(p -> assertThat(p.line()).isBetween(0, (int) lines));
        switch (result) {
            case MtaStsPolicyParse.Invalid i ->
                    assertThat(i.errors()).allSatisfy(p -> assertThat(p.line()).isBetween(0, (int) lines));
            case MtaStsPolicyParse.Valid v -> {
                assertThat(MtaStsPolicyParser.parse(v.policy().toText()))
                        .isEqualTo(new MtaStsPolicyParse.Valid(v.policy(), List.of()));
                for (MxPattern p : v.policy().mx()) {
                    String host = p.isWildcard() ? "mx1" + p.pattern().substring(1) : p.pattern();
                    assertThat(p.matches(host)).as(host).isTrue();
                }
            }
        }
    }
}
