package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code _mta-sts.DOMAIN} TXT record and the policy fetched from
 * {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}. Owned by the domain check, which may add fields.
 *
 * @param recordStatus "valid", "missing", "invalid" or "multiple"
 * @param policyStatus "valid", "invalid", "fetch-error", "webpki-invalid" or "not-fetched" (no record)
 * @param mode         the policy's mode ("enforce", "testing", "none"), null when none was parsed
 * @param mx           the policy's mx patterns
 * @param policy       the policy text as fetched (at most 64 KiB), null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MtaStsState(@JsonProperty("record_status") String recordStatus, String record, String id,
                          @JsonProperty("policy_status") String policyStatus, @JsonProperty("policy_url") String policyUrl,
                          String mode, @JsonProperty("max_age") Long maxAge, List<String> mx, String policy) {}
