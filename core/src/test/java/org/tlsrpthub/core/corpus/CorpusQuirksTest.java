package org.tlsrpthub.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.core.report.WarningCode.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsrpthub.core.InputReader;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;
import org.tlsrpthub.core.testsupport.Corpus;

/**
 * The real reports whose MANIFEST entry names a quirk: each must parse and carry exactly the
 * warnings for its quirks (the golden outputs in the hub hold every detail; this says why).
 */
class CorpusQuirksTest {
    private static final Map<String, Set<WarningCode>> QUIRKS = Map.ofEntries(
            Map.entry("parsedmarc__mail.ru.json", EnumSet.of(NEXT_DAY_RANGE_END, MISSING_SENDING_MTA_IP,
                    MISSING_RECEIVING_MX_HOSTNAME, MISSING_RECEIVING_IP, MISSING_POLICY_STRING, FAILURE_COUNT_MISMATCH)),
            Map.entry("parsedmarc__rfc8460.json", EnumSet.of(MX_HOST_STRING, MISSING_RECEIVING_IP)),
            Map.entry("parsedmarc__empty_failure_detail_fields.json", EnumSet.of(EMPTY_VALUE, MISSING_SENDING_MTA_IP,
                    MISSING_RECEIVING_MX_HOSTNAME, MISSING_RECEIVING_IP)),
            Map.entry("mail-auth__rpt02.json", EnumSet.of(RANGE_NOT_ONE_DAY)),
            Map.entry("mail-auth__rpt03.json", EnumSet.of(MISSING_POLICY_DOMAIN, MISSING_SUMMARY_COUNT, UNKNOWN_POLICY_TYPE)),
            Map.entry("mox__microsoft.eml", EnumSet.of(DATETIME_WITHOUT_OFFSET)),
            Map.entry("mta-sts-exporter__microsoft-2.json", EnumSet.of(DATETIME_WITHOUT_OFFSET)),
            Map.entry("mta-sts-exporter__rfc.json", EnumSet.of(MX_HOST_STRING, MISSING_RECEIVING_IP)),
            Map.entry("dmarc-report-viewer__microsoft.json", EnumSet.of(POLICY_STRING_JSON_ENCODED)),
            Map.entry("dmarc-report-viewer__no-contact.json", EnumSet.of(MISSING_CONTACT_INFO, NEXT_DAY_RANGE_END, MX_HOST_PREFIX)),
            Map.entry("dmarc-report-viewer__no_ip_and_mx.json", EnumSet.of(MISSING_POLICY_STRING, MISSING_SENDING_MTA_IP,
                    MISSING_RECEIVING_MX_HOSTNAME, MISSING_RECEIVING_IP)),
            Map.entry("mailweave__microsoft.com!example.com!1739750400!1739836799!133843802167204397.json",
                    EnumSet.of(MISSING_SENDING_MTA_IP)),
            Map.entry("tls-rpt-monitor__microsoft-report.json", EnumSet.of(UNKNOWN_RESULT_TYPE, NOT_AN_IP_ADDRESS,
                    UNKNOWN_FIELD, MISSING_RECEIVING_IP, FAILURE_COUNT_MISMATCH)),
            Map.entry("tlsrpt-be__report.json", EnumSet.of(FAILURE_COUNT_MISMATCH)),
            Map.entry("tlsrpt-digest__tlsrpt_failure.eml", EnumSet.of(NEXT_DAY_RANGE_END, MISSING_RECEIVING_IP, FILENAME_MISMATCH)),
            Map.entry("mail-auth__rpt02.eml", EnumSet.of(RANGE_NOT_ONE_DAY, CONTENT_TYPE_MISMATCH, HEADER_DOMAIN_MISMATCH,
                    HEADER_SUBMITTER_MISMATCH, SUBJECT_MISMATCH, FILENAME_MISMATCH)));

    static Stream<Arguments> quirkyFiles() {
        return QUIRKS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quirkyFiles")
    void carriesTheWarningsOfItsQuirks(String name, Set<WarningCode> expected) throws Exception {
        var result = new InputReader(Limits.DEFAULTS).read(Corpus.read(name), name);
        assertThat(result.reports()).isNotEmpty();
        Set<WarningCode> actual = EnumSet.noneOf(WarningCode.class);
        for (ParsedReport r : result.reports()) r.warnings().stream().map(Warning::code).forEach(actual::add);
        assertThat(actual).isEqualTo(expected);
    }
}
