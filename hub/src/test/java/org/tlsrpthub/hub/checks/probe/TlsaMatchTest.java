package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TLSARecord;

/**
 * TLSA records against a chain, for every usage, selector and matching type RFC 7672 lets an SMTP
 * sender use (the DANE tests against real DNSSEC cover 3 1 1 and 2 0 1 end to end).
 */
class TlsaMatchTest {
    static TestCa ca;
    static TestCa otherCa;
    static TestCa.Leaf leaf;
    static TestCa.Leaf unrelated;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCa.create("TLSA Test CA");
        otherCa = TestCa.create("Other TLSA Test CA");
        leaf = ca.issue(List.of("mx.tlsa.test"), 30);
        unrelated = otherCa.issue(List.of("mx.tlsa.test"), 30);
    }

    static TLSARecord tlsa(int usage, int selector, int matching, X509Certificate of) throws Exception {
        byte[] selected = selector == 0 ? of.getEncoded() : of.getPublicKey().getEncoded();
        byte[] data = switch (matching) {
            case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
            case 2 -> MessageDigest.getInstance("SHA-512").digest(selected);
            default -> selected;
        };
        return new TLSARecord(Name.fromString("_25._tcp.mx.tlsa.test."), DClass.IN, 300, usage, selector, matching, data);
    }

    static List<X509Certificate> chain() {
        return List.of(leaf.certificate(), ca.certificate());
    }

    @ParameterizedTest(name = "3 {0} {1}")
    @CsvSource({"0, 0", "0, 1", "0, 2", "1, 0", "1, 1", "1, 2"})
    void daneEeMatchesTheLeafByEverySelectorAndMatchingType(int selector, int matching) throws Exception {
        assertThat(TlsaMatch.matches(tlsa(3, selector, matching, leaf.certificate()), chain())).isTrue();
        assertThat(TlsaMatch.matches(tlsa(3, selector, matching, unrelated.certificate()), chain())).isFalse();
        assertThat(TlsaMatch.matches(tlsa(3, selector, matching, ca.certificate()), chain())).as("the issuer is not the leaf").isFalse();
    }

    @ParameterizedTest(name = "2 {0} {1}")
    @CsvSource({"0, 0", "0, 1", "0, 2", "1, 0", "1, 1", "1, 2"})
    void daneTaMatchesAnIssuerInTheChainByEverySelectorAndMatchingType(int selector, int matching) throws Exception {
        assertThat(TlsaMatch.matches(tlsa(2, selector, matching, ca.certificate()), chain())).isTrue();
        assertThat(TlsaMatch.matches(tlsa(2, selector, matching, otherCa.certificate()), chain())).isFalse();
        assertThat(TlsaMatch.matches(tlsa(2, selector, matching, leaf.certificate()), chain())).as("the leaf is no trust anchor").isFalse();
    }

    @Test
    void daneTaNeedsTheLeafToChainUpToTheMatchingIssuer() throws Exception {
        // a server that sends the CA named in TLSA beside a leaf from another CA does not pass
        List<X509Certificate> forged = List.of(unrelated.certificate(), ca.certificate());
        assertThat(TlsaMatch.matches(tlsa(2, 1, 1, ca.certificate()), forged)).isFalse();
        assertThat(TlsaMatch.matches(tlsa(3, 1, 1, leaf.certificate()), List.of())).isFalse();
    }

    @Test
    void pkixUsagesAndUnknownSelectorsOrMatchingTypesAreUnusable() throws Exception {
        assertThat(TlsaMatch.usable(tlsa(0, 1, 1, ca.certificate()))).isFalse();
        assertThat(TlsaMatch.usable(tlsa(1, 1, 1, leaf.certificate()))).isFalse();
        assertThat(TlsaMatch.matches(tlsa(1, 1, 1, leaf.certificate()), chain())).isFalse();
        TLSARecord selector2 = new TLSARecord(Name.fromString("_25._tcp.mx.tlsa.test."), DClass.IN, 300, 3, 2, 1, new byte[32]);
        TLSARecord matching3 = new TLSARecord(Name.fromString("_25._tcp.mx.tlsa.test."), DClass.IN, 300, 3, 1, 3, new byte[32]);
        assertThat(TlsaMatch.usable(selector2)).isFalse();
        assertThat(TlsaMatch.usable(matching3)).isFalse();
        assertThat(TlsaMatch.usable(tlsa(3, 1, 2, leaf.certificate()))).isTrue();
        assertThat(TlsaMatch.usable(tlsa(2, 0, 0, ca.certificate()))).isTrue();
    }
}
