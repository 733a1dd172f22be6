package org.tlsrpthub.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.syntax.TxtRecords;

class TlsRptRecordGeneratorTest {

    @Test
    void aRecordListsAllDestinationsInOneRuaField() {
        GeneratedRecord g = TlsRptRecordGenerator.generate(List.of(
                RuaDestination.mailto("tlsrpt@example.com"), RuaDestination.https("https://r.example.com/v1/tlsrpt")));
        assertThat(g.text()).isEqualTo("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://r.example.com/v1/tlsrpt");
        assertThat(g.characterStrings()).containsExactly(g.text());
        assertThat(g.zoneFileForm()).isEqualTo("\"" + g.text() + "\"");
        assertThat(g.zoneLine("Example.COM.")).isEqualTo("_smtp._tls.example.com. IN TXT \"" + g.text() + "\"");
        assertThat(g.zoneLine("_smtp._tls.example.com")).isEqualTo(g.zoneLine("example.com"));
    }

    @Test
    void commaBangAndSemicolonInsideUrisArePercentEncoded() {
        assertThat(RuaDestination.https("https://r.example/a,b;c!d").uri()).isEqualTo("https://r.example/a%2Cb%3Bc%21d");
        assertThat(RuaDestination.mailto("a,b;c!d@example.com").uri()).isEqualTo("mailto:a%2Cb%3Bc%21d@example.com");
    }

    @Test
    void nonAsciiIsPercentEncodedAndIdnDomainsBecomeALabels() {
        assertThat(RuaDestination.mailto("rapport@bücher.example").uri()).isEqualTo("mailto:rapport@xn--bcher-kva.example");
        assertThat(RuaDestination.https("https://bücher.example/ü b?q=ä").uri())
                .isEqualTo("https://xn--bcher-kva.example/%C3%BC%20b?q=%C3%A4");
    }

    @Test
    void existingPercentEscapesInAnHttpsUrlAreNotEncodedTwice() {
        assertThat(RuaDestination.https("https://r.example/a%2Fb%zz").uri()).isEqualTo("https://r.example/a%2Fb%25zz");
    }

    @Test
    void aLongRecordIsSplitIntoStringsOfAtMost255Octets() {
        List<RuaDestination> ds = new ArrayList<>();
        for (int i = 0; i < 20; i++) ds.add(RuaDestination.mailto("tlsrpt-" + i + "@reports.example.com"));
        GeneratedRecord g = TlsRptRecordGenerator.generate(ds);
        assertThat(g.text().length()).isGreaterThan(510);
        assertThat(g.characterStrings()).hasSize((g.text().length() + 254) / 255);
        assertThat(g.characterStrings()).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(255));
        assertThat(g.characterStrings().getFirst()).hasSize(255);
        assertThat(TxtRecords.join(g.characterStrings())).isEqualTo(g.text());
        assertThat(g.zoneFileForm()).startsWith("\"v=TLSRPTv1; rua=").contains("\" \"");
    }

    @Test
    void aRecordOfExactly255OctetsIsOneString() {
        String prefix = "v=TLSRPTv1; rua=mailto:";
        String local = "a".repeat(255 - prefix.length() - "@example.com".length());
        GeneratedRecord g = TlsRptRecordGenerator.generate(List.of(RuaDestination.mailto(local + "@example.com")));
        assertThat(g.text()).hasSize(255);
        assertThat(g.characterStrings()).hasSize(1);
    }

    @Test
    void parsingAGeneratedRecordYieldsTheSameDestinations() {
        List<RuaDestination> ds = List.of(RuaDestination.mailto("a,b@bücher.example"),
                RuaDestination.https("https://r.example:8443/x;y?z=1,2#f!"), RuaDestination.mailto("c@example.com"));
        GeneratedRecord g = TlsRptRecordGenerator.generate(ds);
        assertThat(TlsRptRecordParser.parse(g.text())).isInstanceOfSatisfying(TlsRptRecordParse.Valid.class, v -> {
            assertThat(v.record().rua()).isEqualTo(ds);
            assertThat(v.warnings()).isEmpty();
        });
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TlsRptRecordGenerator.generate(List.of()))
                .hasMessageContaining("at least one destination");
        assertThatThrownBy(() -> RuaDestination.mailto("no-at-sign")).hasMessageContaining("not an email address");
        assertThatThrownBy(() -> RuaDestination.https("http://r.example/")).hasMessageContaining("not an https URL");
        assertThatThrownBy(() -> RuaDestination.https("https://bad_host/")).hasMessageContaining("not a valid host name");
        assertThatThrownBy(() -> TlsRptRecordGenerator.generate(List.of(
                RuaDestination.mailto("a@example.com"), RuaDestination.mailto("a@example.com"))))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> TlsRptRecordGenerator.generate(List.of(new RuaDestination.Https("https://x/a,b", "x"))))
                .hasMessageContaining("do not form a valid record");
        assertThatThrownBy(() -> TlsRptRecordGenerator.generate(List.of(RuaDestination.mailto("a@example.com")))
                .zoneLine("not a domain")).hasMessageContaining("not a valid domain name");
    }
}
