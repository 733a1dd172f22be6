package org.tlsrpthub.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsrpthub.core.syntax.RecordError;
import org.tlsrpthub.core.syntax.RecordWarning;
import org.tlsrpthub.core.syntax.RecordWarning.Code;

class TlsRptRecordParserTest {

    private static TlsRptRecordParse.Valid valid(String text) {
        TlsRptRecordParse r = TlsRptRecordParser.parse(text);
        assertThat(r).as(text).isInstanceOf(TlsRptRecordParse.Valid.class);
        return (TlsRptRecordParse.Valid) r;
    }

    private static RecordError malformed(String text) {
        TlsRptRecordParse r = TlsRptRecordParser.parse(text);
        assertThat(r).as(text).isInstanceOf(TlsRptRecordParse.Malformed.class);
        return ((TlsRptRecordParse.Malformed) r).error();
    }

    private static List<Code> codes(TlsRptRecordParse.Valid v) {
        return v.warnings().stream().map(RecordWarning::code).toList();
    }

    @Test
    void aRecordWithMailtoAndHttpsIsValidWithoutWarnings() {
        var v = valid("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://r.example.com/v1/tlsrpt");
        assertThat(v.warnings()).isEmpty();
        assertThat(v.record().rua()).containsExactly(
                new RuaDestination.Mailto("mailto:tlsrpt@example.com", "tlsrpt@example.com"),
                new RuaDestination.Https("https://r.example.com/v1/tlsrpt", "r.example.com"));
    }

    @Test
    void aTrailingSemicolonAndSpacesAroundCommasAreAllowed() {
        var v = valid("v=TLSRPTv1;rua=mailto:a@example.com , mailto:b@example.com;");
        assertThat(v.warnings()).isEmpty();
        assertThat(v.record().rua()).extracting(RuaDestination::uri)
                .containsExactly("mailto:a@example.com", "mailto:b@example.com");
    }

    @Test
    void extensionsAreAcceptedAndKept() {
        var v = valid("v=TLSRPTv1; rua=mailto:a@example.com; x-future=1.2:abc");
        assertThat(v.record().extensions()).singleElement()
                .satisfies(e -> assertThat(e.name() + "=" + e.value()).isEqualTo("x-future=1.2:abc"));
    }

    @Test
    void percentEncodedCommaInsideAUriDoesNotSplitIt() {
        var v = valid("v=TLSRPTv1; rua=https://r.example/a%2Cb");
        assertThat(v.record().rua()).singleElement().satisfies(d -> {
            assertThat(d.uri()).isEqualTo("https://r.example/a%2Cb");
            assertThat(d.decoded()).isEqualTo("https://r.example/a,b");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                              | the record is empty",
            "v=spf1 -all                     | does not begin with v=TLSRPTv1",
            "V=tlsrptv1; rua=mailto:a@b.com  | case-sensitive",
            "' v=TLSRPTv1; rua=mailto:a@b.com' | begins with whitespace",
            "v=TLSRPTv10; rua=mailto:a@b.com | version is 'v=TLSRPTv10'",
    })
    void textsThatDoNotBeginWithTheVersionAreNotTlsRptRecords(String text, String reason) {
        assertThat(TlsRptRecordParser.parse(text)).isInstanceOfSatisfying(TlsRptRecordParse.NotTlsRpt.class,
                n -> assertThat(n.reason()).contains(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // text | offset | reason fragment
            "v=TLSRPTv1                              | 10 | ends after the version",
            "v=TLSRPTv1 x                            | 11 | expected ';' after the version",
            "v=TLSRPTv1;                             | 11 | rua= field is missing",
            "v=TLSRPTv1; x=1                         | 15 | rua= field is missing",
            "v=TLSRPTv1; RUA=mailto:a@b.com          | 12 | case-sensitive",
            "v=TLSRPTv1; rua                         | 12 | has no '='",
            "v=TLSRPTv1; rua =mailto:a@b.com         | 15 | between a field name and '='",
            "v=TLSRPTv1; rua= mailto:a@b.com         | 16 | after '='",
            "v=TLSRPTv1; rua=                        | 16 | empty value",
            "v=TLSRPTv1; rua=a@b.com                 | 16 | has no scheme",
            "v=TLSRPTv1; rua=mailto:a@b.com,         | 31 | empty URI",
            "v=TLSRPTv1; rua=mailto:a@b.com,,mailto:c@d.com | 31 | empty URI",
            "v=TLSRPTv1; rua=https://r.example/a!b   | 35 | '!' inside a URI must be percent-encoded",
            "v=TLSRPTv1; rua=https://r.example/a%zz  | 35 | two hex digits",
            "v=TLSRPTv1; rua=https://r.example/a b   | 35 | whitespace inside a URI",
            "v=TLSRPTv1; rua=https://r.exa\"mple/    | 29 | character '\"' is not allowed in a URI",
            "v=TLSRPTv1; rua=mailto:                 | 23 | has no address",
            "v=TLSRPTv1; rua=mailto:nobody           | 23 | not an email address",
            "v=TLSRPTv1; rua=mailto:a@-bad-.example  | 25 | not a valid domain name",
            "v=TLSRPTv1; rua=https:/r.example        | 16 | has no host",
            "v=TLSRPTv1; rua=https://under_score.example/ | 24 | not a valid host name",
            "v=TLSRPTv1; rua=mailto:a@b.com; -x=1    | 32 | must begin with a letter or digit",
            "v=TLSRPTv1; rua=mailto:a@b.com; x=a=b   | 35 | only visible ASCII except ';' and '='",
    })
    void malformedRecordsNameWhatIsWrongAndWhere(String text, int offset, String reason) {
        RecordError e = malformed(text);
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void theErrorShowsACaretUnderTheOffendingCharacter() {
        RecordError e = malformed("v=TLSRPTv1; rua=https://r.example/a!b");
        assertThat(e.column()).isEqualTo(36);
        assertThat(e.describe()).isEqualTo("""
                '!' inside a URI must be percent-encoded as %21 (RFC 8460 §3) (at column 36)
                  v=TLSRPTv1; rua=https://r.example/a!b
                                                     ^""");
    }

    @Test
    void aMissingRuaPutsTheCaretAfterTheLastCharacter() {
        RecordError e = malformed("v=TLSRPTv1;");
        assertThat(e.caretText()).isEqualTo("  v=TLSRPTv1;\n             ^");
    }

    @Test
    void aControlCharacterIsNamedAndShownAsAQuestionMark() {
        RecordError e = malformed("v=TLSRPTv1; rua=mailto:a@b.com; x=\u0001");
        assertThat(e.reason()).contains("U+0001");
        assertThat(e.caretText()).startsWith("  v=TLSRPTv1; rua=mailto:a@b.com; x=?\n");
    }

    @Test
    void whitespaceBeforeTheFirstSemicolonIsAcceptedWithAWarning() {
        var v = valid("v=TLSRPTv1 ; rua=mailto:a@example.com");
        assertThat(codes(v)).containsExactly(Code.WHITESPACE_BEFORE_SEMICOLON);
        assertThat(v.warnings().getFirst().offset()).isEqualTo(10);
    }

    @Test
    void anUnknownUriSchemeIsKeptWithAWarning() {
        var v = valid("v=TLSRPTv1; rua=ftp://r.example/x,mailto:a@example.com");
        assertThat(codes(v)).containsExactly(Code.UNKNOWN_URI_SCHEME);
        assertThat(v.record().rua().getFirst()).isEqualTo(new RuaDestination.OtherScheme("ftp://r.example/x", "ftp"));
    }

    @Test
    void aRecordWithOnlyUnknownSchemesIsValidButWarnsThatNoReportCanArrive() {
        var v = valid("v=TLSRPTv1; rua=ftp://r.example/x");
        assertThat(codes(v)).containsExactly(Code.UNKNOWN_URI_SCHEME, Code.NO_USABLE_DESTINATION);
        assertThat(v.warnings().get(1).offset()).isEqualTo(12);
    }

    @Test
    void severalRuaFieldsAreMergedWithAWarning() {
        var v = valid("v=TLSRPTv1; rua=mailto:a@example.com; rua=https://r.example/,mailto:a@example.com");
        assertThat(v.record().rua()).extracting(RuaDestination::uri)
                .containsExactly("mailto:a@example.com", "https://r.example/");
        assertThat(codes(v)).containsExactly(Code.SEVERAL_RUA_FIELDS, Code.DUPLICATE_URI);
    }

    @Test
    void emptyFieldsAreSkippedWithAWarning() {
        var v = valid("v=TLSRPTv1;; rua=mailto:a@example.com; ;");
        assertThat(codes(v)).containsExactly(Code.EMPTY_FIELD, Code.EMPTY_FIELD);
        assertThat(v.warnings()).extracting(RecordWarning::offset).containsExactly(11, 39);
    }

    @Test
    void trailingWhitespaceWithoutSemicolonIsAcceptedWithAWarning() {
        var v = valid("v=TLSRPTv1; rua=mailto:a@example.com  ");
        assertThat(codes(v)).containsExactly(Code.TRAILING_WHITESPACE);
    }

    @Test
    void aMailtoUriMayCarryHeaderFieldsAndAnIdnDomainInPercentEncodedUtf8() {
        var v = valid("v=TLSRPTv1; rua=mailto:r@b%C3%BCcher.example?subject=tlsrpt");
        assertThat(v.record().rua().getFirst()).isInstanceOfSatisfying(RuaDestination.Mailto.class,
                m -> assertThat(m.address()).isEqualTo("r@bücher.example"));
    }

    @Test
    void theCandidateFilterKeepsOnlyRecordsBeginningWithTheVersion() {
        assertThat(TlsRptRecordParser.select(List.of("v=spf1 -all", "google-site-verification=x")))
                .isInstanceOf(org.tlsrpthub.core.syntax.TxtSelection.None.class);
        assertThat(TlsRptRecordParser.select(List.of("v=spf1 -all", "v=TLSRPTv1; rua=mailto:a@b.com")))
                .isEqualTo(new org.tlsrpthub.core.syntax.TxtSelection.One("v=TLSRPTv1; rua=mailto:a@b.com"));
        assertThat(TlsRptRecordParser.select(List.of("v=TLSRPTv1;rua=mailto:a@b.com", "v=TLSRPTv1 ; rua=mailto:c@d.com")))
                .isInstanceOfSatisfying(org.tlsrpthub.core.syntax.TxtSelection.Multiple.class,
                        m -> assertThat(m.records()).hasSize(2));
    }
}
