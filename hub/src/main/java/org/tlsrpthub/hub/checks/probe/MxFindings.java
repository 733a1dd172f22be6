package org.tlsrpthub.hub.checks.probe;

import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;

/**
 * Every finding the STARTTLS prober and the DANE check make, with its words and fix in one place
 * (each id has an anchor in docs/checks-mx.md). Ids that are RFC 8460 result types are spelt
 * exactly so, so the operator sees the same word in the check and in senders' reports.
 */
final class MxFindings {
    private MxFindings() {}

    static Finding addressNotPublic(String subject, String refusal) {
        return new Finding("mx-address-not-public", FindingSeverity.ERROR, subject,
                "not probed: " + refusal + "; senders on the internet cannot reach it either",
                "Publish only public addresses for the MX host (or, for a private deployment, allow private targets).");
    }

    static Finding unreachable(String subject, String detail) {
        return new Finding("mx-unreachable", FindingSeverity.ERROR, subject, detail,
                "Make the MX host accept connections on the SMTP port from the internet, or remove the address from DNS.");
    }

    static Finding greetingRefused(String subject, String detail) {
        return new Finding("smtp-greeting-refused", FindingSeverity.WARNING, subject,
                detail + ": the server refused the session (busy or rate-limiting), so STARTTLS could not be checked this time",
                "Usually temporary; if it persists, let the checking host connect (it probes each address at most once per interval).");
    }

    static Finding greetingSlow(String subject, long millis) {
        return new Finding("smtp-greeting-slow", FindingSeverity.WARNING, subject,
                "the greeting took " + millis + " ms; senders with short timeouts may give up",
                "Check the server's load, its DNS (reverse lookups of clients) and any greeting delay (postscreen greet-wait).");
    }

    static Finding greetingTimeout(String subject, String detail) {
        return new Finding("smtp-greeting-timeout", FindingSeverity.ERROR, subject, detail,
                "The server accepts connections but never greets: check that the SMTP service is running and not overloaded.");
    }

    static Finding protocolError(String subject, String detail) {
        return new Finding("smtp-protocol-error", FindingSeverity.ERROR, subject, detail,
                "Make sure an SMTP server (not another service) listens on the SMTP port and follows RFC 5321.");
    }

    static Finding starttlsNotSupported(String subject, String detail) {
        return new Finding("starttls-not-supported", FindingSeverity.ERROR, subject,
                detail + ": senders cannot encrypt mail to this host",
                "Enable STARTTLS on the server with a certificate for the MX host name (Postfix: smtpd_tls_security_level = may).");
    }

    static Finding handshakeFailed(String subject, String detail) {
        return new Finding("tls-handshake-failed", FindingSeverity.ERROR, subject, detail,
                "Offer TLS 1.2 or 1.3 with current cipher suites and a certificate the server can actually present.");
    }

    static Finding notTrusted(String subject, String detail) {
        return new Finding("certificate-not-trusted", FindingSeverity.ERROR, subject, detail,
                "Use a certificate from a public CA (e.g. Let's Encrypt) and send the full chain of intermediates.");
    }

    static Finding hostMismatch(String subject, String host, java.util.List<String> names) {
        return new Finding("certificate-host-mismatch", FindingSeverity.ERROR, subject,
                "the certificate names " + names + ", not the MX host " + host,
                "Get a certificate whose names include " + host + " (or *. of its parent), as MTA-STS senders require.");
    }

    static Finding expired(String subject, String notAfter) {
        return new Finding("certificate-expired", FindingSeverity.ERROR, subject, "the certificate expired on " + notAfter,
                "Renew the certificate and reload the mail server; automate renewal.");
    }

    static Finding notYetValid(String subject, String notBefore) {
        return new Finding("certificate-not-yet-valid", FindingSeverity.ERROR, subject,
                "the certificate is valid only from " + notBefore,
                "Check the issuing system's clock, or present the previous certificate until then.");
    }

    static Finding expiresSoon(String subject, long days, String notAfter) {
        return new Finding("certificate-expires-soon", FindingSeverity.WARNING, subject,
                "the certificate expires in " + days + " day" + (days == 1 ? "" : "s") + " (" + notAfter + ")",
                "Renew the certificate now and check that renewal is automated.");
    }

    static Finding daneInactive(String subject, String why) {
        return new Finding("dane-inactive", FindingSeverity.INFO, subject, "DANE inactive: " + why,
                "Nothing to fix; to add DANE, sign the zone with DNSSEC and publish TLSA records at _25._tcp of the MX host.");
    }

    static Finding tlsaInvalid(String subject, String detail) {
        return new Finding("tlsa-invalid", FindingSeverity.ERROR, subject, detail
                + "; DANE senders will not deliver to this host",
                "Publish TLSA records for the certificate the server presents (roll TLSA before changing keys).");
    }

    static Finding tlsaUnusable(String subject) {
        return new Finding("tlsa-unusable", FindingSeverity.WARNING, subject,
                "no TLSA record is usable for SMTP (only usages 2 and 3, selectors 0/1, matching types 0/1/2 are, RFC 7672)",
                "Publish \"3 1 1\" (or \"2 1 1\") records for the server's key or its issuer.");
    }

    static Finding dnssecInvalid(String subject, String detail) {
        return new Finding("dnssec-invalid", FindingSeverity.ERROR, subject, detail,
                "Fix the zone's DNSSEC: re-sign (expired signatures), or make the DS at the parent match the zone's keys.");
    }

    static Finding tlsaLookupFailed(String subject, String detail) {
        return new Finding("tlsa-lookup-failed", FindingSeverity.WARNING, subject, detail,
                "Check that the zone's name servers answer TLSA queries; a timeout here also delays DANE senders.");
    }
}
