package org.tlsrpthub.hub.readiness;

/**
 * What the MTA-STS alert rules read about one domain at an instant, from one read of its policy
 * rollups ({@link ReadinessService#facts}).
 *
 * @param readiness the verdict, as {@code readiness DOMAIN} gives it
 * @param enforce   the failures against the current policy when it is in enforce mode; else null
 * @param stale     the reporters still applying an older policy version
 */
public record MtaStsFacts(Readiness readiness, EnforceFailures enforce, StalePolicy stale) {}
