package org.tlsrpthub.core.taxonomy;

import static org.tlsrpthub.core.taxonomy.FailureCategory.CERTIFICATE;
import static org.tlsrpthub.core.taxonomy.FailureCategory.DANE_DNSSEC;
import static org.tlsrpthub.core.taxonomy.FailureCategory.MTA_STS_POLICY;
import static org.tlsrpthub.core.taxonomy.FailureCategory.OTHER;
import static org.tlsrpthub.core.taxonomy.FailureCategory.STARTTLS;
import static org.tlsrpthub.core.taxonomy.FailureSeverity.CRITICAL;
import static org.tlsrpthub.core.taxonomy.FailureSeverity.HIGH;
import static org.tlsrpthub.core.taxonomy.FailureSeverity.MEDIUM;
import static org.tlsrpthub.core.taxonomy.RemediationStep.advice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tlsrpthub.core.report.ResultType;

/**
 * The failure taxonomy: what each {@code result-type} (RFC 8460 §4.3) means for a mail operator, how
 * bad it is and how to fix it, plus hints for common {@code failure-reason-code} values. The CLI,
 * the web pages and the alerts all take their wording from here, so every text lives in this file
 * and {@link FailureReasonHints} (the hints). No I/O.
 *
 * <p>Commands are meant to be run by the operator from a machine that may connect out to port 25
 * (many residential and cloud networks block it). They use the placeholders
 * {@value #DOMAIN_PLACEHOLDER} (the policy domain, as in the report) and
 * {@value #MX_HOST_PLACEHOLDER} (the receiving MX host name from the failure details).
 */
public final class FailureTaxonomy {

    /** Placeholder for the policy domain in commands. */
    public static final String DOMAIN_PLACEHOLDER = "<domain>";
    /** Placeholder for the receiving MX host name in commands. */
    public static final String MX_HOST_PLACEHOLDER = "<mx-host>";

    private FailureTaxonomy() {
    }

    // ---------------------------------------------------------------------------------------------
    // Commands used by several descriptions

    private static final String SMTP_TLS =
            "openssl s_client -starttls smtp -connect <mx-host>:25 -servername <mx-host>";
    /** Dates, names and issuer of the certificate the MX presents. */
    private static final String MX_CERT_DETAILS =
            SMTP_TLS + " </dev/null 2>/dev/null | openssl x509 -noout -dates -subject -issuer -ext subjectAltName";
    /** Full verification (chain, dates, name); prints "Verification: OK" or the verify error. */
    private static final String MX_VERIFY =
            SMTP_TLS + " -verify_hostname <mx-host> -verify_return_error -brief </dev/null";
    private static final String MX_CHAIN = SMTP_TLS + " -showcerts </dev/null";
    /** SHA-256 of the MX certificate's public key: the data of a "3 1 1" TLSA record. */
    private static final String MX_SPKI_SHA256 = SMTP_TLS
            + " </dev/null 2>/dev/null | openssl x509 -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256";
    private static final String MX_RECORDS = "dig +short MX <domain>";
    private static final String STS_TXT = "dig +short TXT _mta-sts.<domain>";
    private static final String STS_URL = "https://mta-sts.<domain>/.well-known/mta-sts.txt";
    private static final String STS_FETCH_VERBOSE = "curl -sv " + STS_URL;
    private static final String STS_SHOW = "curl -s " + STS_URL;
    private static final String TLSA_LOOKUP = "dig +dnssec +multi TLSA _25._tcp.<mx-host>";
    private static final String DANE_PROBE = "posttls-finger -c -l dane <domain>";

    // Sentences shared by several explanations, so that the same situation is always put the same way.
    private static final String ENFORCING_SENDERS_DEFER =
            "Senders that enforce your MTA-STS policy or validate DANE do not deliver to this MX: they try"
                    + " another MX, or defer the mail and bounce it when their retry period runs out.";
    private static final String OTHERS_STILL_ENCRYPTED =
            "In MTA-STS testing mode, and for senders that do not validate, mail is still delivered,"
                    + " encrypted but without protection against interception.";
    private static final String POLICY_FALLBACK =
            "Mail is still delivered: senders that cached your policy earlier keep applying it until its"
                    + " max_age runs out, and the others deliver as if you had no MTA-STS policy, unprotected"
                    + " against downgrade attacks.";

    // ---------------------------------------------------------------------------------------------
    // The registered result types, in registry order

    private static final Map<ResultType, FailureDescription> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        add(ResultType.STARTTLS_NOT_SUPPORTED, STARTTLS, CRITICAL,
                "STARTTLS not offered",
                "The receiving MX did not offer STARTTLS, so the session could not be encrypted. "
                        + ENFORCING_SENDERS_DEFER
                        + " Other senders deliver the mail in plain text, and so do MTA-STS senders while your policy"
                        + " is in testing mode.",
                List.of(
                        new RemediationStep("Check that the MX advertises STARTTLS and completes a TLS handshake;"
                                + " \"Didn't find STARTTLS in server response\" confirms the failure.",
                                SMTP_TLS + " -brief </dev/null"),
                        new RemediationStep("Check every MX host of the domain, not only the one in this report.",
                                MX_RECORDS),
                        new RemediationStep("Check that TLS is enabled for incoming mail and has a certificate and"
                                + " key configured (Postfix shown; the security level should be \"may\").",
                                "postconf smtpd_tls_security_level smtpd_tls_cert_file smtpd_tls_key_file smtpd_tls_chain_files"),
                        advice("If STARTTLS works from inside your network but not from outside, look for a firewall"
                                + " or load balancer that inspects SMTP and strips STARTTLS from the EHLO response,"
                                + " and for an old address or server still answering on port 25.")));

        add(ResultType.CERTIFICATE_HOST_MISMATCH, CERTIFICATE, HIGH,
                "Certificate does not match the MX host name",
                "The certificate presented by the MX does not cover the MX host name, or the MX host name is not"
                        + " allowed by your MTA-STS policy or DANE records. "
                        + ENFORCING_SENDERS_DEFER + " " + OTHERS_STILL_ENCRYPTED,
                List.of(
                        new RemediationStep("Show the names the certificate covers (subjectAltName) and compare them with"
                                + " the MX host name; a wildcard covers exactly one label.",
                                MX_CERT_DETAILS),
                        new RemediationStep("Let OpenSSL check the name and the chain: expect \"Verification: OK\","
                                + " not \"hostname mismatch\".",
                                MX_VERIFY),
                        new RemediationStep("List the MX hosts of the domain ...", MX_RECORDS),
                        new RemediationStep("... and check that each one matches an mx line of your MTA-STS policy.",
                                STS_SHOW),
                        new RemediationStep("Some servers choose the certificate by SNI: check what the MX presents to a"
                                + " sender that sends no server name.",
                                "openssl s_client -starttls smtp -connect <mx-host>:25 -noservername </dev/null 2>/dev/null"
                                        + " | openssl x509 -noout -subject -ext subjectAltName"),
                        advice("Install a certificate whose subjectAltName lists every MX host name, or correct the mx"
                                + " lines of the policy (publish the new policy before changing the TXT record id), then"
                                + " reload the MTA.")));

        add(ResultType.CERTIFICATE_EXPIRED, CERTIFICATE, HIGH,
                "Certificate expired",
                "The certificate presented by the MX, or a certificate in its chain, was past its expiry date when"
                        + " the sender connected. "
                        + "Senders that enforce your MTA-STS policy do not deliver to this MX: they try another MX,"
                        + " or defer the mail and bounce it when their retry period runs out"
                        + " (DANE senders ignore the expiry date only with DANE-EE TLSA records). "
                        + OTHERS_STILL_ENCRYPTED,
                List.of(
                        new RemediationStep("Check the validity dates of the certificate the MX presents now.",
                                MX_CERT_DETAILS),
                        new RemediationStep("Verify the whole chain, which also catches an expired intermediate:"
                                + " expect \"Verification: OK\", not \"certificate has expired\".",
                                MX_VERIFY),
                        new RemediationStep("Renew the certificate and make sure renewal is automatic; with certbot,"
                                + " test the renewal.",
                                "certbot renew --dry-run"),
                        new RemediationStep("Reload the MTA after renewing, since a renewed file on disk is not served"
                                + " until then (Postfix shown), and repeat the first check.",
                                "postfix reload"),
                        new RemediationStep("Check every MX host of the domain, not only the one in this report.",
                                MX_RECORDS)));

        add(ResultType.CERTIFICATE_NOT_TRUSTED, CERTIFICATE, HIGH,
                "Certificate not trusted",
                "The sender could not build a trusted chain from the MX certificate to a certificate authority it"
                        + " trusts: typically the certificate is self-signed or from a private CA, or the server does"
                        + " not send its intermediate certificates. "
                        + "Senders that enforce your MTA-STS policy do not deliver to this MX: they try another MX,"
                        + " or defer the mail and bounce it when their retry period runs out. "
                        + OTHERS_STILL_ENCRYPTED
                        + " The failure-reason-code, when present, usually names the exact verification error.",
                List.of(
                        new RemediationStep("Verify the certificate and chain: expect \"Verification: OK\"; the error"
                                + " otherwise shown names the problem.",
                                MX_VERIFY),
                        new RemediationStep("Show the chain the MX sends: besides the server certificate it must include"
                                + " the intermediate certificates.",
                                MX_CHAIN),
                        new RemediationStep("Check who issued the certificate: MTA-STS needs a publicly trusted CA; a"
                                + " self-signed certificate only satisfies DANE senders with DANE-EE (3 1 1) TLSA records.",
                                MX_CERT_DETAILS),
                        new RemediationStep("Configure the full chain (server certificate followed by intermediates, such"
                                + " as certbot's fullchain.pem) and reload the MTA; for Postfix, check these settings.",
                                "postconf smtpd_tls_cert_file smtpd_tls_chain_files")));

        add(ResultType.VALIDATION_FAILURE, OTHER, HIGH,
                "Validation failure (unspecified)",
                "The sender's validation failed for a reason that none of the specific result types covers, and"
                        + " the failure-reason-code should say more. "
                        + "Senders also use it when the MX host is not listed in your MTA-STS policy or when the TLS"
                        + " handshake itself fails. "
                        + ENFORCING_SENDERS_DEFER + " " + OTHERS_STILL_ENCRYPTED,
                List.of(
                        advice("Read the failure-reason-code and additional-information fields of this failure detail."),
                        new RemediationStep("List the MX hosts of the domain ...", MX_RECORDS),
                        new RemediationStep("... and check that each one matches an mx line of your MTA-STS policy.",
                                STS_SHOW),
                        new RemediationStep("Check the TLS handshake, certificate and name in one go: expect"
                                + " \"Verification: OK\" and a current protocol version (TLS 1.2 or 1.3).",
                                MX_VERIFY)));

        add(ResultType.TLSA_INVALID, DANE_DNSSEC, HIGH,
                "TLSA records do not match the certificate",
                "None of the DANE TLSA records published for this MX was found valid: usually none of them matches"
                        + " the certificate or public key the MX presented, for instance after a certificate or key"
                        + " was replaced without publishing a matching TLSA record first. "
                        + "Senders that validate DANE do not deliver to this MX: they try another MX, or defer the mail"
                        + " and bounce it when their retry period runs out. "
                        + "Senders that do not use DANE are not affected by this failure.",
                List.of(
                        new RemediationStep("Look up the TLSA records; with a validating resolver the header flags must"
                                + " include \"ad\".",
                                TLSA_LOOKUP),
                        new RemediationStep("For \"3 1 1\" records, compute the SHA-256 of the public key the MX presents"
                                + " and compare it with the record data.",
                                MX_SPKI_SHA256),
                        new RemediationStep("For \"2 x x\" records, which match a CA certificate, check that the server"
                                + " sends that CA certificate in its chain.",
                                MX_CHAIN),
                        new RemediationStep("Test DANE end to end with Postfix's posttls-finger: expect \"Verified TLS"
                                + " connection established\" for each MX.",
                                DANE_PROBE),
                        advice("When replacing a key or certificate, publish the TLSA record for the new one next to the"
                                + " old one, wait at least the record's TTL, and only then switch the server.")));

        add(ResultType.DNSSEC_INVALID, DANE_DNSSEC, HIGH,
                "DNSSEC validation failed",
                "The sender's validating resolver returned no valid answer for the DNS records of this MX, typically"
                        + " because DNSSEC signatures expired or the DS record in the parent zone does not match the"
                        + " zone's keys. "
                        + "Senders that validate DANE do not deliver to this MX while its records cannot be validated,"
                        + " and defer the mail. "
                        + "Because validating resolvers reject such answers, a broken DNSSEC chain can also stop other"
                        + " senders from finding your MX at all.",
                List.of(
                        new RemediationStep("Look up the TLSA records through a validating resolver: SERVFAIL here ...",
                                "dig TLSA _25._tcp.<mx-host>"),
                        new RemediationStep("... but an answer with checking disabled (+cd) means the DNSSEC chain is broken.",
                                "dig +cd TLSA _25._tcp.<mx-host>"),
                        new RemediationStep("Let delv trace the validation and name the failing step.",
                                "delv +vtrace TLSA _25._tcp.<mx-host>"),
                        new RemediationStep("Check that the MX host's address records validate too: expect"
                                + " \"fully validated\".",
                                "delv A <mx-host>"),
                        advice("Fix the zone that holds the MX host (it may differ from the mail domain): re-sign it or"
                                + " repair automatic signing, and make the DS record at the registrar match the current"
                                + " key. DNSViz (https://dnsviz.net/) shows the whole chain.")));

        add(ResultType.DANE_REQUIRED, DANE_DNSSEC, HIGH,
                "DANE required but no valid TLSA records",
                "The sending organization requires DANE for your domain, usually by prior agreement with you, but"
                        + " found no DNSSEC-validated TLSA records for this MX. "
                        + "That sender does not deliver to this MX and defers the mail, which bounces when its retry"
                        + " period runs out. "
                        + "Senders without such a requirement are not affected.",
                List.of(
                        new RemediationStep("Check that the domain's MX records are DNSSEC-signed: expect"
                                + " \"fully validated\", not \"unsigned answer\".",
                                "delv MX <domain>"),
                        new RemediationStep("Check that the MX host name resolves in a signed zone as well.",
                                "delv A <mx-host>"),
                        new RemediationStep("Look up the TLSA records: expect status NOERROR, at least one record and"
                                + " the \"ad\" flag.",
                                TLSA_LOOKUP),
                        new RemediationStep("To publish a \"3 1 1\" TLSA record, take the SHA-256 of the MX's public key"
                                + " as its data; otherwise ask the sending organization to stop requiring DANE.",
                                MX_SPKI_SHA256)));

        add(ResultType.STS_POLICY_FETCH_ERROR, MTA_STS_POLICY, MEDIUM,
                "MTA-STS policy could not be fetched",
                "Your _mta-sts TXT record announces an MTA-STS policy, but the sender could not download it from the"
                        + " mta-sts host of your domain: the name did not resolve, the connection failed or timed out,"
                        + " or the server did not answer with status 200. "
                        + POLICY_FALLBACK,
                List.of(
                        new RemediationStep("Check the TXT record: exactly one record starting with v=STSv1 and an id.",
                                STS_TXT),
                        new RemediationStep("Check that the policy host resolves, over IPv4 and IPv6.",
                                "dig +short A mta-sts.<domain>; dig +short AAAA mta-sts.<domain>"),
                        new RemediationStep("Fetch the policy as senders do: expect status 200 directly (senders do not"
                                + " follow redirects) and an answer well within a minute.",
                                STS_FETCH_VERBOSE),
                        new RemediationStep("If an AAAA record is published, fetch over IPv6 as well, since a dead IPv6"
                                + " address breaks fetches from IPv6-capable senders.",
                                "curl -6 -sv " + STS_URL)));

        add(ResultType.STS_POLICY_INVALID, MTA_STS_POLICY, MEDIUM,
                "MTA-STS policy invalid",
                "The sender fetched your MTA-STS policy but rejected it as invalid: a syntax error, a missing required"
                        + " field, a wrong value or a wrong media type. "
                        + POLICY_FALLBACK,
                List.of(
                        new RemediationStep("Check the status and media type: expect \"200 text/plain\".",
                                "curl -s -o /dev/null -w '%{http_code} %{content_type}\\n' " + STS_URL),
                        new RemediationStep("Show the policy with invisible characters ($ ends a line, ^M is a carriage"
                                + " return): it needs \"version: STSv1\", \"mode:\" enforce, testing or none (lower case),"
                                + " \"max_age:\" in seconds (at most 31557600) and an \"mx:\" line for each MX pattern"
                                + " unless the mode is none.",
                                STS_SHOW + " | cat -A"),
                        new RemediationStep("Check the TXT record: exactly one record starting with v=STSv1, with an id"
                                + " of 1 to 32 letters and digits.",
                                STS_TXT),
                        advice("After fixing the policy file, change the id in the TXT record so that senders fetch it"
                                + " again.")));

        add(ResultType.STS_WEBPKI_INVALID, MTA_STS_POLICY, MEDIUM,
                "MTA-STS policy host certificate invalid",
                "The sender reached the mta-sts host of your domain but could not validate its HTTPS certificate:"
                        + " it is expired, not issued by a trusted certificate authority, or does not cover the mta-sts"
                        + " host name. "
                        + "Senders do not use a policy they cannot authenticate. "
                        + POLICY_FALLBACK,
                List.of(
                        new RemediationStep("Verify the certificate of the policy host: expect \"Verification: OK\".",
                                "openssl s_client -connect mta-sts.<domain>:443 -servername mta-sts.<domain>"
                                        + " -verify_hostname mta-sts.<domain> -verify_return_error -brief </dev/null"),
                        new RemediationStep("Show its dates and names: the subjectAltName must include the mta-sts host"
                                + " name itself or a wildcard for the domain.",
                                "openssl s_client -connect mta-sts.<domain>:443 -servername mta-sts.<domain> </dev/null"
                                        + " 2>/dev/null | openssl x509 -noout -dates -subject -issuer -ext subjectAltName"),
                        new RemediationStep("Fetch the policy with certificate checks, as senders do: any error names"
                                + " the problem.",
                                "curl -sS -o /dev/null " + STS_URL),
                        advice("If the mta-sts host is a CNAME to a hosting service, make sure that service holds a"
                                + " certificate for your mta-sts host name and serves the full chain.")));

        for (ResultType registered : ResultType.REGISTERED) {
            if (!DESCRIPTIONS.containsKey(registered)) {
                throw new IllegalStateException("no description for registered result type " + registered);
            }
        }
    }

    private static void add(ResultType type, FailureCategory category, FailureSeverity severity, String title,
                            String explanation, List<RemediationStep> steps) {
        DESCRIPTIONS.put(type, new FailureDescription(type, category, severity, title, explanation, steps));
    }

    // ---------------------------------------------------------------------------------------------
    // Unregistered result types

    private static final int MAX_QUOTED_LENGTH = 100;

    private static FailureDescription unknown(ResultType type) {
        return new FailureDescription(type, OTHER, MEDIUM,
                "Unknown failure type",
                "The sender reported the result type \"" + quote(type.value()) + "\", which is not a registered"
                        + " TLS-RPT result type, so its exact meaning is not known. "
                        + "It still counts sessions in which the sender's validation failed, and senders that"
                        + " enforce MTA-STS or DANE may not have delivered that mail.",
                List.of(
                        advice("Read the failure-reason-code and additional-information fields of this failure detail,"
                                + " and look the value up in the IANA registry of STARTTLS validation result types"
                                + " (https://www.iana.org/assignments/starttls-validation-result-types/)."),
                        new RemediationStep("Check that the MX offers STARTTLS with a valid certificate for its name:"
                                + " expect \"Verification: OK\".",
                                MX_VERIFY),
                        new RemediationStep("Check that the MTA-STS policy is served.", STS_FETCH_VERBOSE)));
    }

    /** The value as shown in text: control characters replaced, long values shortened. */
    private static String quote(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(MAX_QUOTED_LENGTH).forEach(cp -> {
            if (Character.isISOControl(cp)) sb.append('?');
            else sb.appendCodePoint(cp);
        });
        if (value.codePointCount(0, value.length()) > MAX_QUOTED_LENGTH) sb.append('…');
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // API

    /**
     * Describes a result type. Registered values get their own description; any other value gets a
     * generic "unknown failure type" description that quotes it.
     */
    public static FailureDescription describe(ResultType resultType) {
        Objects.requireNonNull(resultType, "resultType");
        FailureDescription known = DESCRIPTIONS.get(resultType);
        return known != null ? known : unknown(resultType);
    }

    /**
     * A plain-language hint for a {@code failure-reason-code}, which is free text: recognizes common
     * OpenSSL verification errors (by constant name or message), HTTP status codes from policy
     * fetches, timeouts and refused connections. Empty when the code is null, blank or not recognized.
     */
    public static Optional<String> hintFor(String failureReasonCode) {
        return FailureReasonHints.hintFor(failureReasonCode);
    }
}
