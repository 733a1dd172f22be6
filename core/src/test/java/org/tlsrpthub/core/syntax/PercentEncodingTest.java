package org.tlsrpthub.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void encodingUsesUppercaseHexOfUtf8Octets() {
        assertThat(PercentEncoding.encode("a,ü%", PercentEncoding::isUnreserved, false)).isEqualTo("a%2C%C3%BC%25");
    }

    @Test
    void validEscapesCanBeKept() {
        assertThat(PercentEncoding.encode("%2f%zz", PercentEncoding::isUnreserved, true)).isEqualTo("%2f%25zz");
    }

    @Test
    void decodingRefusesBrokenEscapesAndNonUtf8() {
        assertThat(PercentEncoding.decode("a%2Cb%C3%BC")).isEqualTo("a,bü");
        assertThatThrownBy(() -> PercentEncoding.decode("%4")).hasMessageContaining("two hex digits");
        assertThatThrownBy(() -> PercentEncoding.decode("%FF")).hasMessageContaining("not UTF-8");
    }

    @Test
    void anUnpairedSurrogateCannotBeEncoded() {
        assertThatThrownBy(() -> PercentEncoding.encode("\ud800", c -> false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
