package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One MX host as the check saw it: {@code "mx": [{"host", "addresses", "starttls", "tls",
 * "certificate"}]} in the JSON output, those five first and always present ({@code tls} and
 * {@code certificate} null when no handshake happened), then {@code preference}, {@code dane} and
 * {@code probes}. Owned by the STARTTLS prober, which may add fields.
 *
 * @param starttls    "offered", "not-offered", "unreachable", "greeting-refused" (a 421), …
 * @param tls         the negotiated session, null when no handshake happened
 * @param certificate the presented leaf certificate, null when no handshake happened
 * @param dane        the host's TLSA records and whether they match, null when not looked up
 * @param probes      one entry per address, null when the host was not probed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"host", "addresses", "starttls", "tls", "certificate", "preference", "dane", "probes"})
public record MxHost(String host, int preference, List<String> addresses, String starttls,
                     @JsonInclude(JsonInclude.Include.ALWAYS) TlsSession tls,
                     @JsonInclude(JsonInclude.Include.ALWAYS) CertificateInfo certificate,
                     @JsonProperty("dane") DaneHost dane, List<AddressProbe> probes) {

    /** A host with no per-address detail (not probed, or no addresses). */
    public MxHost(String host, int preference, List<String> addresses, String starttls, TlsSession tls,
                  CertificateInfo certificate, DaneHost dane) {
        this(host, preference, addresses, starttls, tls, certificate, dane, null);
    }

    /**
     * What one address of the host showed; the host-level {@code tls} and {@code certificate} are
     * those of the first address that completed a handshake.
     *
     * @param starttls       as the host's, for this address
     * @param detail         why the session stopped early, null when the handshake completed
     * @param greetingMillis how long the greeting took, null when none came
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddressProbe(String address, String starttls, String detail,
                               @JsonProperty("greeting_ms") Long greetingMillis, TlsSession tls, CertificateInfo certificate) {}

    /** @param protocol "TLSv1.3"; @param cipher the JSSE cipher suite name */
    public record TlsSession(String protocol, String cipher) {}

    /**
     * @param trusted     the chain validates against the JDK trust store (plus the configured CA file)
     * @param nameMatches the certificate names the MX host, as MTA-STS requires (RFC 6125, one-label wildcard)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateInfo(String subject, List<String> names, String issuer, @JsonProperty("not_before") String notBefore,
                                  @JsonProperty("not_after") String notAfter, @JsonProperty("days_to_expiry") long daysToExpiry,
                                  @JsonProperty("key_type") String keyType, @JsonProperty("key_size") int keySize, boolean trusted,
                                  @JsonProperty("name_matches") boolean nameMatches, String sha256) {}

    /**
     * @param status "active" (authenticated TLSA that matches), "inactive" (unsigned, no TLSA, or the MX or address
     *               answer not authenticated), "invalid"
     *               (no match, or the resolver failed validation), "unusable" (no record usable for SMTP),
     *               "unverified" (authenticated TLSA but no handshake to match against), "unknown" (lookup failed)
     * @param authenticated the TLSA answer was DNSSEC-authenticated, and so were the MX and address answers before it
     */
    public record DaneHost(String status, boolean authenticated, List<String> tlsa, boolean matches) {}
}
