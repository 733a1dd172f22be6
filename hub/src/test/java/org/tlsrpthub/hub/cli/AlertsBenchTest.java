package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tiny run of {@code bench alerts}: it fills, evaluates and prints both timings (figures come from the full run). */
class AlertsBenchTest {
    @Test
    void aTinyRunPrintsTheFullAndTheIncrementalEvaluation() {
        CapturedCli r = CapturedCli.run("bench", "alerts", "--domains", "12", "--days", "40", "--senders", "2", "--runs", "2", "--batch-domains", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("12 domains x 40 days").contains("the first full evaluation:")
                .contains("full evaluation (every domain, hub rules)").contains("incremental evaluation of one batch (3 domains)")
                .contains("memory while evaluating");
    }
}
