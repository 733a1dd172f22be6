package org.tlsrpthub.core.taxonomy;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-language hints for {@code failure-reason-code} values (free text in reports), tried in
 * order; the first that matches and gives a text wins. Part of the taxonomy's wording (see
 * {@link FailureTaxonomy#hintFor}).
 */
final class FailureReasonHints {
    private FailureReasonHints() {
    }

    static Optional<String> hintFor(String failureReasonCode) {
        if (failureReasonCode == null || failureReasonCode.isBlank()) return Optional.empty();
        for (Hint hint : HINTS) {
            Matcher m = hint.pattern().matcher(failureReasonCode);
            if (m.find()) {
                String text = hint.text().apply(m);
                if (text != null) return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private record Hint(Pattern pattern, Function<Matcher, String> text) {
    }

    private static Hint hint(String regex, String text) {
        return new Hint(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), m -> text);
    }

    private static final List<Hint> HINTS = List.of(
            hint("X509_V_ERR_CERT_HAS_EXPIRED|certificate has expired",
                    "A certificate in the chain has expired (OpenSSL error 10). Check the dates of the server"
                            + " certificate and of each intermediate, and that the renewed certificate is the one"
                            + " actually served."),
            hint("X509_V_ERR_CERT_NOT_YET_VALID|certificate is not yet valid",
                    "A certificate in the chain is not valid yet: its start date is in the future (OpenSSL error 9)."
                            + " It was probably deployed too early or issued by a machine with a wrong clock."),
            // Before the depth-zero case: its message contains the other's.
            hint("X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN|self[- ]signed certificate in certificate chain",
                    "The chain ends in a self-signed root that the sender does not trust, typically a private or"
                            + " internal CA (OpenSSL error 19). MTA-STS needs a certificate from a publicly trusted CA."),
            hint("X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT|self[- ]signed certificate",
                    "The server presented a self-signed certificate (OpenSSL error 18). MTA-STS needs a certificate"
                            + " from a publicly trusted CA; a self-signed one only satisfies DANE senders with DANE-EE"
                            + " (3 1 1) TLSA records."),
            hint("X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT|X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE"
                            + "|unable to get (?:local )?issuer certificate|unable to verify the first certificate",
                    "The sender could not find the issuer of a certificate in the chain (OpenSSL error 2, 20 or 21)."
                            + " Usually the server does not send its intermediate certificates: configure the full chain"
                            + " (server certificate followed by intermediates). Otherwise the issuing CA is not one the"
                            + " sender trusts."),
            hint("X509_V_ERR_HOSTNAME_MISMATCH|hostname mismatch",
                    "The certificate does not cover the host name the sender expected: the MX host name, or the"
                            + " mta-sts host name for policy fetches (OpenSSL error 62). Check its subjectAltName."),
            hint("X509_V_ERR_CERT_REVOKED|certificate revoked",
                    "A certificate in the chain was revoked by its CA (OpenSSL error 23). Replace it."),
            new Hint(Pattern.compile("\\b(?:https?|response)\\b\\D{0,40}?\\b([1-5][0-9]{2})\\b", Pattern.CASE_INSENSITIVE),
                    FailureReasonHints::httpStatusHint),
            hint("no[-_ ]policy[-_ ]served",
                    "The sender found your _mta-sts TXT record but obtained no policy from the mta-sts host. Check"
                            + " that /.well-known/mta-sts.txt on that host returns the policy with status 200."),
            hint("time[d]?[-_ ]?out",
                    "The connection or the answer timed out. Check that the host is reachable from the internet on"
                            + " port 25 (MX) or 443 (mta-sts host), that no firewall silently drops traffic, and that every"
                            + " published IPv4 and IPv6 address answers."),
            hint("connection refused|ECONNREFUSED",
                    "The connection was refused: nothing listens on the port at that address, or a firewall rejects"
                            + " it. Check that the service runs and listens on every published IPv4 and IPv6 address."));

    private static String httpStatusHint(Matcher m) {
        int status = Integer.parseInt(m.group(1));
        if (status >= 300 && status < 400) {
            return "The policy URL answered with a redirect (HTTP " + status + "). Senders do not follow redirects:"
                    + " serve the policy directly from the mta-sts host at /.well-known/mta-sts.txt with status 200.";
        }
        if (status == 404) {
            return "The mta-sts host answered 404 Not Found: no policy file is served at /.well-known/mta-sts.txt."
                    + " Check the path and file name, and that the web server answering for the mta-sts host name is"
                    + " the one holding the file.";
        }
        if (status >= 400 && status < 500) {
            return "The mta-sts host refused the policy request (HTTP " + status + "). Check the web server's access"
                    + " rules and configuration for the mta-sts host name.";
        }
        if (status >= 500) {
            return "The mta-sts host failed with a server error (HTTP " + status + "). Check the web server or the"
                    + " hosting service behind the mta-sts host name.";
        }
        return null; // 1xx, 2xx: nothing to say
    }
}
