package org.tlsrpthub.core.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtaStsPolicyParserTest {

    private static final String GOOD = "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmax_age: 86400\n";

    private static MtaStsPolicyParse.Valid valid(String text) {
        MtaStsPolicyParse r = MtaStsPolicyParser.parse(text);
        assertThat(r).as(text).isInstanceOf(MtaStsPolicyParse.Valid.class);
        return (MtaStsPolicyParse.Valid) r;
    }

    private static MtaStsPolicyParse.Invalid invalid(String text) {
        MtaStsPolicyParse r = MtaStsPolicyParser.parse(text);
        assertThat(r).as(text).isInstanceOf(MtaStsPolicyParse.Invalid.class);
        return (MtaStsPolicyParse.Invalid) r;
    }

    @Test
    void aWellFormedPolicyIsValidWithoutWarnings() {
        var v = valid(GOOD);
        assertThat(v.warnings()).isEmpty();
        assertThat(v.policy()).isEqualTo(new MtaStsPolicy(PolicyMode.ENFORCE, 86400,
                List.of(MxPattern.of("mail.example.com"), MxPattern.of("*.example.net"))));
        assertThat(v.policy().matches("mx1.example.net")).isTrue();
    }

    @Test
    void crlfLinesAndAMissingFinalLineEndAreAcceptedPerErratum6253() {
        assertThat(valid(GOOD.replace("\n", "\r\n")).policy()).isEqualTo(valid(GOOD).policy());
        assertThat(valid(GOOD.strip()).policy()).isEqualTo(valid(GOOD).policy());
    }

    @Test
    void whitespaceAfterTheColonAndAtTheEndOfALineIsAllowed() {
        valid("version:STSv1\nmode:\ttesting  \nmx: a.example\nmax_age: 0 \n");
    }

    @Test
    void modeNoneNeedsNoMx() {
        assertThat(valid("version: STSv1\nmode: none\nmax_age: 86400\n").policy().mx()).isEmpty();
    }

    @Test
    void aRepeatedFieldKeepsTheFirstValueWithAWarning() {
        var v = valid(GOOD + "mode: testing\n");
        assertThat(v.policy().mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(v.warnings()).containsExactly(new PolicyProblem(6, "'mode' given again; the first value is used"));
    }

    @Test
    void unknownFieldsAreIgnoredWithAWarningThatHintsAtCase() {
        var v = valid(GOOD + "x_future: 1\n");
        assertThat(v.warnings()).containsExactly(new PolicyProblem(6, "unknown field 'x_future' ignored"));
        var i = invalid(GOOD.replace("mode:", "Mode:"));
        assertThat(i.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("did you mean 'mode'"));
        assertThat(i.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("'mode: "));
    }

    @Test
    void emptyLinesAndDuplicateMxAreWarnings() {
        var v = valid(GOOD.replace("mode: enforce\n", "mode: enforce\n\nmx: MAIL.example.com\n"));
        assertThat(v.warnings()).extracting(PolicyProblem::line).containsExactly(3, 5);
        assertThat(v.policy().mx()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "version: STSv2        | 1 | it must be STSv1",
            "version: stsv1        | 1 | it must be STSv1",
            "mode: Enforce         | 2 | case-sensitive",
            "mode: strict          | 2 | enforce, testing or none",
            "max_age: 31557601     | 5 | more than 31557600",
            "max_age: 00000000001  | 5 | at most 10",
            "max_age: -1           | 5 | number of seconds",
            "max_age: 1d           | 5 | number of seconds",
            "mx: mail*.example.com | 3 | whole leftmost label",
            "mx: *.*.example.com   | 3 | whole leftmost label",
            "mx: *                 | 3 | whole leftmost label",
            "mx: mail.example.com. | 3 | trailing dot",
            "mx: -mail.example.com | 3 | not a valid host name",
            "mx: bücher.example    | 3 | xn--bcher-kva.example",
            "mx:                   | 3 | no value",
            "' mode: enforce'      | 2 | begins with whitespace",
            "mode : enforce        | 2 | whitespace between 'mode' and ':'",
            "mode enforce          | 2 | not a field",
    })
    void eachBrokenLineIsAnErrorWithItsLineNumber(String replacement, int line, String message) {
        String[] lines = GOOD.split("\n");
        String key = replacement.strip().split("[ :]", 2)[0];
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key)) {
                lines[i] = replacement;
                break;
            }
        }
        var r = invalid(String.join("\n", lines));
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void allProblemsAreReportedNotOnlyTheFirst() {
        var r = invalid("version: STSv2\nmode: strict\nmax_age: x\nmx: a*.example\n");
        assertThat(r.errors()).extracting(PolicyProblem::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void missingFieldsAreErrorsForTheWholeFile() {
        var r = invalid("mode: enforce\n");
        assertThat(r.errors()).extracting(PolicyProblem::toString).containsExactly(
                "policy: the required field 'version: STSv1' is missing",
                "policy: the required field 'max_age: (seconds)' is missing",
                "policy: no mx: line; at least one is required when mode is enforce");
        assertThat(invalid("").errors()).extracting(PolicyProblem::message).containsExactly("the policy is empty");
    }

    @Test
    void aBareCarriageReturnIsAnError() {
        var r = invalid(GOOD.replace("mode: enforce\n", "mode: enforce\rmx: x.example\n"));
        assertThat(r.errors()).extracting(PolicyProblem::line).contains(2);
    }

    @Test
    void theMaximumMaxAgeIsAccepted() {
        assertThat(valid(GOOD.replace("86400", "31557600")).policy().maxAge()).isEqualTo(31_557_600L);
    }

    @Test
    void aValidPolicyRegeneratesToTheSamePolicy() {
        var v = valid(GOOD);
        assertThat(MtaStsPolicyParser.parse(v.policy().toText())).isEqualTo(new MtaStsPolicyParse.Valid(v.policy(), List.of()));
    }
}
