package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One domain's line on the coverage page: its newest check's facts, or nulls when it was never checked.
 *
 * @param tlsrptPublish  the TLS-RPT record to publish when it is missing or does not reach the hub
 * (the {@code _mta-sts} record to publish when it is missing: {@link #mtaStsPublish()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoverageRow(String domain, @JsonProperty("checked_at") Instant checkedAt, Integer errors, Integer warnings,
                          @JsonProperty("tlsrpt") String tlsrptStatus, @JsonProperty("reaches_hub") Boolean reachesHub,
                          @JsonProperty("tlsrpt_publish") String tlsrptPublish, @JsonProperty("mta_sts") String mtaStsRecord,
                          @JsonProperty("policy") String policyStatus, @JsonProperty("policy_mode") String policyMode,
                          @JsonProperty("policy_id") String policyId, @JsonProperty("mx_count") Integer mxCount,
                          @JsonProperty("mx_covered") Boolean mxCovered, @JsonProperty("starttls_all") Boolean starttlsAll,
                          @JsonProperty("min_days_to_expiry") Integer minDaysToExpiry, String dane) {

    @JsonIgnore
    public boolean checked() {
        return checkedAt != null;
    }

    /** The {@code _mta-sts} record, exactly as a zone file takes it; publish it once a policy is served at {@link #policyUrl()}. */
    @JsonProperty("mta_sts_publish")
    public String mtaStsPublish() {
        if (!"missing".equals(mtaStsRecord)) return null;
        return "_mta-sts." + domain + ". IN TXT \"v=STSv1; id=" + (checkedAt == null ? "1" : checkedAt.toString().substring(0, 10).replace("-", ""))
                + "01\"";
    }

    /** Where senders fetch the domain's MTA-STS policy (RFC 8461 §3.3). */
    @JsonIgnore
    public String policyUrl() {
        return "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
    }
}
