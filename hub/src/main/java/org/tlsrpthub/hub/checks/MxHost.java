package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One MX host as the check saw it: {@code "mx": [{"host", "addresses", "starttls", "tls",
 * "certificate"}]} in the JSON output. Owned by the STARTTLS prober, which may add fields.
 *
 * @param starttls    "offered", "not-offered", "unreachable", "greeting-refused" (a 421), …
 * @param tls         the negotiated session, null when no handshake happened
 * @param certificate the presented leaf certificate, null when no handshake happened
 * @param dane        the host's TLSA records and whether they match, null when not looked up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MxHost(String host, int preference, List<String> addresses, String starttls, TlsSession tls,
                     CertificateInfo certificate, @JsonProperty("dane") DaneHost dane) {

    /** @param protocol "TLSv1.3"; @param cipher the JSSE cipher suite name */
    public record TlsSession(String protocol, String cipher) {}

    /**
     * @param trusted     the chain validates against the JDK trust store (plus the configured CA file)
     * @param nameMatches the certificate names the MX host, as MTA-STS requires (RFC 6125, one-label wildcard)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateInfo(String subject, List<String> names, String issuer, String notBefore, String notAfter,
                                  long daysToExpiry, String keyType, int keySize, boolean trusted, boolean nameMatches,
                                  String sha256) {}

    /** @param status "active" (authenticated TLSA that matches), "inactive" (unsigned or no TLSA), "invalid" */
    public record DaneHost(String status, boolean authenticated, List<String> tlsa, boolean matches) {}
}
