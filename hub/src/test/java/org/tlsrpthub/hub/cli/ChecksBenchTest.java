package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tiny run of {@code bench checks}: every domain is checked clean against the loopback servers it starts (figures come from the full run). */
class ChecksBenchTest {
    @Test
    void aTinyRunChecksEveryDomainCleanEachRound() {
        CapturedCli r = CapturedCli.run("bench", "checks", "--domains", "20", "--rounds", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("20 domains (DNS, policy fetch, one STARTTLS probe each), concurrency 16, 2 rounds")
                .contains("round 1: checked 20 of 20 domains (0 with errors)").contains("round 2: checked 20 of 20 domains (0 with errors)")
                .contains("heap after GC");
    }
}
