package org.tlsrpthub.hub.hosting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What the hub hosts for a domain: the newest version, the TXT record that announces it and whether
 * DNS has it yet, and every version with who made it, when and why. The CLI's {@code mta-sts show
 * --json}, the API's answer and the page show this.
 *
 * @param current     the newest version; null when the hub does not host the domain
 * @param served      whether the hub serves the newest version now (a mode none version only until serve_until)
 * @param txtName     where the TXT record goes: {@code _mta-sts.DOMAIN}
 * @param txtRecord   the record to publish for the newest version; null when not hosted
 * @param publication whether the newest live check saw that record
 * @param history     every version, newest first
 * @param warnings    what the last change could not check (mx patterns without a live check); empty on a plain read
 */
public record HostingStatus(String domain, boolean hosted, Version current, boolean served, @JsonProperty("txt_name") String txtName,
        @JsonProperty("txt_record") String txtRecord, Publication publication, List<Version> history, List<String> warnings) {

    /** One version as shown. */
    public record Version(int version, String id, String mode, List<String> mx, @JsonProperty("max_age") long maxAge, String action,
            String reason, String verdict, String actor, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("serve_until") Instant serveUntil, String text) {

        static Version of(HostedVersion v) {
            return new Version(v.version(), v.policyId(), v.mode().value(), v.mxPatterns(), v.policy().maxAge(), v.action().id(), v.reason(),
                    v.verdict(), v.actor(), v.createdAt(), v.serveUntil(), v.text());
        }
    }

    /**
     * @param state   {@code published}, {@code not-published} or {@code no-live-check}
     * @param dnsId   the id the newest live check found at {@code _mta-sts.DOMAIN}; null when none
     * @param message "published", "not yet published (DNS has id=X)", "no live check yet"
     */
    public record Publication(String state, @JsonProperty("dns_id") String dnsId, @JsonProperty("checked_at") Instant checkedAt,
            String message) {}

    /** A hosted domain in the list, with its newest version and whether the hub serves it now. */
    public record Listed(String domain, Version current, boolean served) {}

    public HostingStatus withWarnings(List<String> w) {
        return new HostingStatus(domain, hosted, current, served, txtName, txtRecord, publication, history, List.copyOf(w));
    }
}
