package org.tlsrpthub.hub.readiness;

import java.util.List;

/**
 * What an enforced policy refuses now: the readiness verdict's tally of the window, taken against
 * the current policy once it is in enforce mode (the verdict itself is then not-applicable). Under
 * enforce the failures the reports show are mail that senders refused. The {@code enforce-would-fail}
 * alert rule reads it.
 *
 * @param wouldBreak the refused sessions per reporter, MX host and result type, busiest first
 */
public record EnforceFailures(Readiness.Policy policy, Readiness.Window window, FailureRates rates,
        List<Readiness.WouldBreak> wouldBreak) {}
