package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A tiny run of {@code bench alerts}: it fills, evaluates, prints the timings and compares HTTP ingest
 * with alerts off and on (figures come from the full run).
 */
class AlertsBenchTest {
    @Test
    void aTinyRunPrintsTheEvaluationsAndTheIngestComparison() {
        CapturedCli r = CapturedCli.run("bench", "alerts", "--domains", "12", "--days", "40", "--senders", "2", "--runs", "2",
                "--batch-domains", "3", "--http-reports", "200", "--http-warmup", "50", "--http-senders", "4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("12 domains x 40 days").contains("the first full evaluation:")
                .contains("full evaluation (every domain, hub rules)").contains("incremental, one batch of 3 domains")
                .contains("incremental, 3 domains of daily TLSA changes").contains("memory while evaluating")
                .contains("HTTP ingest, alerts off (4 senders, 200 reports)").contains("HTTP ingest, alerts on  (4 senders, 200 reports)")
                .contains("% of the throughput with them off");
    }
}
