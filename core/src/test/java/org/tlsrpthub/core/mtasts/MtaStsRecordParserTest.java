package org.tlsrpthub.core.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsrpthub.core.syntax.Extension;
import org.tlsrpthub.core.syntax.RecordWarning;
import org.tlsrpthub.core.syntax.TxtSelection;

class MtaStsRecordParserTest {

    @Test
    void aRecordWithAnIdIsValid() {
        assertThat(MtaStsRecordParser.parse("v=STSv1; id=20160831085700Z;")).isEqualTo(
                new MtaStsRecordParse.Valid(new MtaStsRecord("20160831085700Z", List.of()), List.of()));
    }

    @Test
    void unknownExtensionFieldsAreKept() {
        assertThat(MtaStsRecordParser.parse("v=STSv1; id=abc; x-ext=hello"))
                .isInstanceOfSatisfying(MtaStsRecordParse.Valid.class, v -> assertThat(v.record().extensions())
                        .containsExactly(new Extension("x-ext", "hello")));
    }

    @Test
    void whitespaceBeforeTheSemicolonIsAcceptedWithAWarningPerErratum6285() {
        assertThat(MtaStsRecordParser.parse("v=STSv1 ; id=abc"))
                .isInstanceOfSatisfying(MtaStsRecordParse.Valid.class, v -> assertThat(v.warnings())
                        .extracting(RecordWarning::code).containsExactly(RecordWarning.Code.WHITESPACE_BEFORE_SEMICOLON));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v=spf1 -all            | does not begin with v=STSv1",
            "'id=abc; v=STSv1'      | does not begin with v=STSv1",
            "V=stsv1; id=abc        | case-sensitive",
            "v=STSv10; id=abc       | version is 'v=STSv10'",
    })
    void textsNotBeginningWithTheVersionAreNotMtaStsRecords(String text, String reason) {
        assertThat(MtaStsRecordParser.parse(text)).isInstanceOfSatisfying(MtaStsRecordParse.NotMtaSts.class,
                n -> assertThat(n.reason()).contains(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v=STSv1;                                    | 8  | id= field is missing",
            "v=STSv1; ID=abc                             | 9  | case-sensitive",
            "v=STSv1; id=ab-c                            | 14 | '-' is not allowed in id",
            "v=STSv1; id=                                | 12 | empty value",
            "v=STSv1; id=abcdefghijabcdefghijabcdefghij123 | 44 | at most 32",
            "v=STSv1; id=abc; id=def                     | 17 | second id=",
            "v=STSv1 id=abc                              | 8  | expected ';'",
    })
    void malformedRecordsNameWhatIsWrongAndWhere(String text, int offset, String reason) {
        assertThat(MtaStsRecordParser.parse(text)).isInstanceOfSatisfying(MtaStsRecordParse.Malformed.class, m -> {
            assertThat(m.error().reason()).contains(reason);
            assertThat(m.error().offset()).isEqualTo(offset);
        });
    }

    @Test
    void anIdOfExactly32CharactersIsAllowed() {
        assertThat(MtaStsRecordParser.parse("v=STSv1; id=" + "a".repeat(32)))
                .isInstanceOf(MtaStsRecordParse.Valid.class);
    }

    @Test
    void aValidRecordRegeneratesToTheSameRecord() {
        var v = (MtaStsRecordParse.Valid) MtaStsRecordParser.parse("v=STSv1;id=abc;;x=1");
        assertThat(MtaStsRecordParser.parse(v.record().toText()))
                .isEqualTo(new MtaStsRecordParse.Valid(v.record(), List.of()));
    }

    @Test
    void severalCandidateRecordsAreReportedAsMultiple() {
        assertThat(MtaStsRecordParser.select(List.of("v=STSv1; id=a", "v=STSv1; id=b", "v=spf1")))
                .isInstanceOf(TxtSelection.Multiple.class);
        assertThat(MtaStsRecordParser.select(List.of("v=spf1"))).isInstanceOf(TxtSelection.None.class);
    }
}
