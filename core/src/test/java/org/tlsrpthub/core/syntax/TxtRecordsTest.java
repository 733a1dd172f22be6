package org.tlsrpthub.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TxtRecordsTest {

    @Test
    void characterStringsAreJoinedWithNoSeparator() {
        assertThat(TxtRecords.join(List.of("v=TLSRPTv1; rua=mai", "lto:a@example.com"))).isEqualTo(
                "v=TLSRPTv1; rua=mailto:a@example.com");
        assertThat(TxtRecords.join(List.of())).isEmpty();
    }

    @Test
    void selectionSaysNoneOneOrMultiple() {
        assertThat(TxtRecords.select(List.of("a", "b"), s -> s.startsWith("v="))).isEqualTo(new TxtSelection.None());
        assertThat(TxtRecords.select(List.of("a", "v=1"), s -> s.startsWith("v="))).isEqualTo(new TxtSelection.One("v=1"));
        assertThat(TxtRecords.select(List.of("v=1", "v=2"), s -> s.startsWith("v=")))
                .isEqualTo(new TxtSelection.Multiple(List.of("v=1", "v=2")));
    }
}
