package org.tlsrpthub.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureReasonHintTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            X509_V_ERR_CERT_HAS_EXPIRED                                      | has expired
            certificate verify failed: certificate has expired               | has expired
            X509_V_ERR_CERT_NOT_YET_VALID                                    | not valid yet
            X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT                           | self-signed certificate (OpenSSL error 18)
            verify error:num=18:self-signed certificate                      | self-signed certificate (OpenSSL error 18)
            self signed certificate                                          | self-signed certificate (OpenSSL error 18)
            X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN                             | private or internal CA
            self-signed certificate in certificate chain                     | private or internal CA
            X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY                     | intermediate certificates
            unable to get local issuer certificate                           | intermediate certificates
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE                       | intermediate certificates
            X509_V_ERR_HOSTNAME_MISMATCH                                     | subjectAltName
            bad https response code: 404                                     | 404 Not Found
            HTTP 301 Moved Permanently                                       | do not follow redirects
            bad https response code: 503                                     | server error (HTTP 503)
            bad https response code: 403                                     | refused the policy request (HTTP 403)
            no-policy-served                                                 | obtained no policy
            connection timed out                                             | timed out
            smtp-timeout                                                     | timed out
            Connection refused                                               | connection was refused
            """)
    void a_known_reason_code_gets_its_hint(String code, String expectedFragment) {
        assertThat(FailureTaxonomy.hintFor(code)).hasValueSatisfying(h -> assertThat(h).contains(expectedFragment));
    }

    @Test
    void matching_ignores_case() {
        assertThat(FailureTaxonomy.hintFor("x509_v_err_cert_has_expired")).isEqualTo(
                FailureTaxonomy.hintFor("X509_V_ERR_CERT_HAS_EXPIRED"));
        assertThat(FailureTaxonomy.hintFor("x509_v_err_cert_has_expired")).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "something-we-never-heard-of",
            "X509_V_ERR_SOMETHING_ELSE",
            "bad https response code: 200",
            "response code 250 ok"})
    void an_unknown_or_empty_reason_code_gets_no_hint(String code) {
        assertThat(FailureTaxonomy.hintFor(code)).isEmpty();
    }

    @Test
    void a_long_number_after_http_is_not_taken_for_a_status_code() {
        assertThat(FailureTaxonomy.hintFor("http fetch failed after 30000 ms")).isEmpty();
    }
}
