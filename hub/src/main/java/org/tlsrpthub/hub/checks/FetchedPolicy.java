package org.tlsrpthub.hub.checks;

import java.time.Instant;
import java.util.List;

/**
 * The MTA-STS policy one stored check fetched, as the check's columns keep it (migration V69).
 *
 * @param status "valid", "invalid", "fetch-error", "webpki-invalid" or "not-fetched"; null when the check had no MTA-STS part
 * @param mode   the policy's mode, null when none was parsed
 * @param mx     the policy's mx patterns (empty when none)
 * @param maxAge seconds, null when the policy gave none
 */
public record FetchedPolicy(Instant checkedAt, String status, String mode, List<String> mx, Long maxAge) {}
