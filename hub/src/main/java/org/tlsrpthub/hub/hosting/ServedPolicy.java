package org.tlsrpthub.hub.hosting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What the hub serves for one domain now, as {@code mta-sts served --json} shows it.
 *
 * @param serveUntil for a mode none version, when it stops being served; otherwise null
 * @param text       the exact file served (CRLF line ends)
 */
public record ServedPolicy(String domain, String url, int version, @JsonProperty("policy_id") String policyId,
        @JsonProperty("txt_record") String txtRecord, String mode, List<String> mx, @JsonProperty("max_age") long maxAge,
        @JsonProperty("serve_until") Instant serveUntil, String text) {

    public static ServedPolicy of(HostedVersion v) {
        return new ServedPolicy(v.domain(), "https://" + PolicyHost.PREFIX + v.domain() + PolicyFileRoutes.PATH, v.version(), v.policyId(),
                v.txtRecord(), v.mode().value(), v.mxPatterns(), v.policy().maxAge(), v.serveUntil(), v.text());
    }
}
