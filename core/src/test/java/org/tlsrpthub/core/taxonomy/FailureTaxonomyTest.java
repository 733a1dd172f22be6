package org.tlsrpthub.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsrpthub.core.report.ResultType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureTaxonomyTest {

    static Stream<ResultType> registered() {
        return ResultType.REGISTERED.stream();
    }

    @ParameterizedTest
    @MethodSource("registered")
    void every_registered_type_has_a_complete_description(ResultType type) {
        FailureDescription d = FailureTaxonomy.describe(type);

        assertThat(d.resultType()).isEqualTo(type);
        assertThat(d.isUnknown()).isFalse();
        assertThat(d.title()).isNotBlank().doesNotContainIgnoringCase("unknown");
        assertThat(d.explanation()).isNotBlank();
        assertThat(d.steps()).isNotEmpty().anySatisfy(step -> assertThat(step.command()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("registered")
    void every_explanation_has_two_to_four_sentences(ResultType type) {
        String explanation = FailureTaxonomy.describe(type).explanation();
        // A sentence ends with ". " or at the final "."; the texts avoid abbreviations such as "e.g.".
        long sentences = explanation.split("(?<=[.!?])\\s+").length;

        assertThat(explanation).endsWith(".");
        assertThat(sentences).as(explanation).isBetween(2L, 4L);
    }

    @ParameterizedTest
    @MethodSource("registered")
    void every_explanation_says_what_happens_to_the_mail(ResultType type) {
        assertThat(FailureTaxonomy.describe(type).explanation()).containsIgnoringCase("deliver");
    }

    @Test
    void titles_are_distinct() {
        List<String> titles = ResultType.REGISTERED.stream().map(t -> FailureTaxonomy.describe(t).title()).toList();

        assertThat(titles).doesNotHaveDuplicates();
    }

    static Stream<Arguments> categories() {
        return Stream.of(
                // RFC 8460 §4.3.1 negotiation failures
                Arguments.of(ResultType.STARTTLS_NOT_SUPPORTED, FailureCategory.STARTTLS),
                Arguments.of(ResultType.CERTIFICATE_HOST_MISMATCH, FailureCategory.CERTIFICATE),
                Arguments.of(ResultType.CERTIFICATE_EXPIRED, FailureCategory.CERTIFICATE),
                Arguments.of(ResultType.CERTIFICATE_NOT_TRUSTED, FailureCategory.CERTIFICATE),
                // §4.3.3 general failure
                Arguments.of(ResultType.VALIDATION_FAILURE, FailureCategory.OTHER),
                // §4.3.2.1 DANE
                Arguments.of(ResultType.TLSA_INVALID, FailureCategory.DANE_DNSSEC),
                Arguments.of(ResultType.DNSSEC_INVALID, FailureCategory.DANE_DNSSEC),
                Arguments.of(ResultType.DANE_REQUIRED, FailureCategory.DANE_DNSSEC),
                // §4.3.2.2 MTA-STS
                Arguments.of(ResultType.STS_POLICY_FETCH_ERROR, FailureCategory.MTA_STS_POLICY),
                Arguments.of(ResultType.STS_POLICY_INVALID, FailureCategory.MTA_STS_POLICY),
                Arguments.of(ResultType.STS_WEBPKI_INVALID, FailureCategory.MTA_STS_POLICY));
    }

    @ParameterizedTest
    @MethodSource("categories")
    void categories_follow_the_grouping_of_RFC_8460_section_4_3(ResultType type, FailureCategory expected) {
        assertThat(FailureTaxonomy.describe(type).category()).isEqualTo(expected);
    }

    @Test
    void the_category_table_covers_every_registered_type() {
        assertThat(categories().map(a -> (ResultType) a.get()[0]).toList())
                .containsExactlyInAnyOrderElementsOf(ResultType.REGISTERED);
    }

    @Test
    void a_missing_STARTTLS_is_the_most_severe_failure() {
        assertThat(FailureTaxonomy.describe(ResultType.STARTTLS_NOT_SUPPORTED).severity())
                .isEqualTo(FailureSeverity.CRITICAL);
        assertThat(ResultType.REGISTERED).filteredOn(t -> !t.equals(ResultType.STARTTLS_NOT_SUPPORTED))
                .allSatisfy(t -> assertThat(FailureTaxonomy.describe(t).severity()).isNotEqualTo(FailureSeverity.CRITICAL));
    }

    @Test
    void failures_that_stop_enforcing_senders_rank_above_policy_fetch_failures() {
        assertThat(FailureTaxonomy.describe(ResultType.CERTIFICATE_EXPIRED).severity()).isEqualTo(FailureSeverity.HIGH);
        assertThat(FailureTaxonomy.describe(ResultType.TLSA_INVALID).severity()).isEqualTo(FailureSeverity.HIGH);
        assertThat(FailureTaxonomy.describe(ResultType.STS_POLICY_FETCH_ERROR).severity()).isEqualTo(FailureSeverity.MEDIUM);
        assertThat(FailureSeverity.HIGH).isLessThan(FailureSeverity.MEDIUM); // declaration order: most severe first
    }

    @Test
    void negotiation_failures_explain_enforcing_and_testing_mode() {
        assertThat(FailureTaxonomy.describe(ResultType.CERTIFICATE_EXPIRED).explanation())
                .contains("enforce").contains("testing mode").contains("still delivered");
    }

    @Test
    void policy_failures_say_that_mail_is_still_delivered() {
        assertThat(FailureTaxonomy.describe(ResultType.STS_WEBPKI_INVALID).explanation())
                .contains("Mail is still delivered").contains("cached");
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z-]*>");

    @ParameterizedTest
    @MethodSource("registered")
    void commands_use_only_the_documented_placeholders(ResultType type) {
        for (RemediationStep step : FailureTaxonomy.describe(type).steps()) {
            if (!step.hasCommand()) continue;
            Matcher m = PLACEHOLDER.matcher(step.command());
            while (m.find()) {
                assertThat(m.group()).as(step.command())
                        .isIn(FailureTaxonomy.DOMAIN_PLACEHOLDER, FailureTaxonomy.MX_HOST_PLACEHOLDER);
            }
        }
    }

    @Test
    void certificate_checks_connect_to_the_MX_with_STARTTLS() {
        assertThat(FailureTaxonomy.describe(ResultType.CERTIFICATE_EXPIRED).steps())
                .anySatisfy(s -> assertThat(s.command())
                        .contains("openssl s_client -starttls smtp -connect <mx-host>:25 -servername <mx-host>")
                        .contains("-dates"));
    }

    @Test
    void MTA_STS_checks_look_at_the_TXT_record_and_the_policy_URL() {
        List<RemediationStep> steps = FailureTaxonomy.describe(ResultType.STS_POLICY_FETCH_ERROR).steps();

        assertThat(steps).anySatisfy(s -> assertThat(s.command()).isEqualTo("dig +short TXT _mta-sts.<domain>"));
        assertThat(steps).anySatisfy(s -> assertThat(s.command())
                .contains("https://mta-sts.<domain>/.well-known/mta-sts.txt"));
    }

    @Test
    void DANE_checks_look_up_the_TLSA_record_of_the_MX() {
        assertThat(FailureTaxonomy.describe(ResultType.TLSA_INVALID).steps())
                .anySatisfy(s -> assertThat(s.command()).contains("TLSA _25._tcp.<mx-host>").contains("+dnssec"));
    }

    @Test
    void an_unknown_value_is_described_as_unknown_and_keeps_its_raw_value() {
        ResultType raw = ResultType.of("certificate-revoked-by-moon");

        FailureDescription d = FailureTaxonomy.describe(raw);

        assertThat(d.isUnknown()).isTrue();
        assertThat(d.resultType().value()).isEqualTo("certificate-revoked-by-moon");
        assertThat(d.category()).isEqualTo(FailureCategory.OTHER);
        assertThat(d.title()).containsIgnoringCase("unknown");
        assertThat(d.explanation()).contains("\"certificate-revoked-by-moon\"");
        assertThat(d.steps()).isNotEmpty();
    }

    @Test
    void registered_values_are_matched_exactly_so_a_different_case_is_unknown() {
        assertThat(FailureTaxonomy.describe(ResultType.of("Certificate-Expired")).isUnknown()).isTrue();
    }

    @Test
    void an_unknown_value_is_quoted_without_control_characters_and_shortened() {
        String longValue = "x".repeat(500);

        assertThat(FailureTaxonomy.describe(ResultType.of("a\nb")).explanation()).contains("\"a?b\"");
        FailureDescription d = FailureTaxonomy.describe(ResultType.of(longValue));
        assertThat(d.explanation()).doesNotContain(longValue).contains("x".repeat(100) + "…");
        assertThat(d.resultType().value()).isEqualTo(longValue);
    }

    @Test
    void describing_null_is_rejected() {
        assertThatThrownBy(() -> FailureTaxonomy.describe(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_description_needs_at_least_one_step_and_its_list_cannot_be_changed() {
        assertThatThrownBy(() -> new FailureDescription(ResultType.CERTIFICATE_EXPIRED, FailureCategory.CERTIFICATE,
                FailureSeverity.HIGH, "t", "e", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailureTaxonomy.describe(ResultType.CERTIFICATE_EXPIRED).steps().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
