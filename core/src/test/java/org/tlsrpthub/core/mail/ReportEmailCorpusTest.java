package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;
import org.tlsrpthub.core.testsupport.Corpus;

/** Every real email of the shared corpus, with facts checked by reading the files (see MANIFEST.tsv). */
class ReportEmailCorpusTest {

    private static final Set<WarningCode> EMAIL_CODES = Set.of(WarningCode.HEADER_DOMAIN_MISMATCH,
            WarningCode.HEADER_SUBMITTER_MISMATCH, WarningCode.MISSING_REPORT_HEADER, WarningCode.SUBJECT_MISMATCH,
            WarningCode.FILENAME_MISMATCH, WarningCode.CONTENT_TYPE_MISMATCH, WarningCode.UNUSUAL_MESSAGE_SHAPE);

    record Expect(String file, String filename, String contentType, String domain, String submitter,
                  String messageId, String reportId, String organization, Set<WarningCode> emailWarnings) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static final String RFC_NAME = "mail.sender.example!example.com!1013662812!1013749130.json";
    private static final String GZ = "application/tlsrpt+gzip";

    static List<Expect> emails() {
        return List.of(
                // RFC sample: every header disagrees with the Appendix B JSON inside (JSON wins, §5.6).
                new Expect("mail-auth__rpt01.eml", RFC_NAME + ".gz", GZ, "example.net", "mail.sender.example.com",
                        null, "5065427c-23d3-47ca-b6e0-946ea0e8c4be", "Company-X",
                        Set.of(WarningCode.HEADER_DOMAIN_MISMATCH, WarningCode.HEADER_SUBMITTER_MISMATCH,
                                WarningCode.SUBJECT_MISMATCH, WarningCode.FILENAME_MISMATCH)),
                // application/tlsrpt without suffix, raw JSON inline.
                new Expect("mail-auth__rpt02.eml", RFC_NAME, "application/tlsrpt", "example.net",
                        "mail.sender.example.com", null, "2020-01-01T00:00:00Z_example.com", "Google Inc.",
                        Set.of(WarningCode.CONTENT_TYPE_MISMATCH, WarningCode.HEADER_DOMAIN_MISMATCH,
                                WarningCode.HEADER_SUBMITTER_MISMATCH, WarningCode.SUBJECT_MISMATCH,
                                WarningCode.FILENAME_MISMATCH)),
                new Expect("tlsrpt-be__test.eml", RFC_NAME + ".gz", GZ, "example.net", "mail.sender.example.com",
                        null, "5065427c-23d3-47ca-b6e0-946ea0e8c4be", "Company-X",
                        Set.of(WarningCode.HEADER_DOMAIN_MISMATCH, WarningCode.HEADER_SUBMITTER_MISMATCH,
                                WarningCode.SUBJECT_MISMATCH, WarningCode.FILENAME_MISMATCH)),
                new Expect("mail-tls-rpt__email.eml", "google.com!fastmaildmarc.com!1583107200!1583193599!001.json.gz",
                        GZ, "fastmaildmarc.com", "google.com", "<00000000000013b408059ff0b6f0@google.com>",
                        "2020-03-02T00:00:00Z_fastmaildmarc.com", "Google Inc.", Set.of()),
                new Expect("mox__example.eml", "google.com!test.xmox.nl!1663200000!1663286399!001.json.gz", GZ,
                        "test.xmox.nl", "google.com", "<000000000000f47cc505e8c8905c@google.com>",
                        "2022-09-15T00:00:00Z_test.xmox.nl", "Google Inc.", Set.of()),
                new Expect("mox__microsoft.eml",
                        "microsoft.com!test.xmox.nl!1673308800!1673395199!133198585438131172.json.gz", GZ,
                        "test.xmox.nl", "microsoft.com", "<133198585438131172+test.xmox.nl@test.xmox.nl>",
                        "133198585438131172+test.xmox.nl", "Microsoft Corporation", Set.of()),
                new Expect("parsedmarc__google.com_smtp_tls_report.eml",
                        "google.com!cardinalhealth.ca!1725321600!1725407999!001.json.gz", GZ, "cardinalhealth.ca",
                        "google.com", "<66d83c20.050a0220.a0566.1e8dtls@google.com>",
                        "2024-09-03T00:00:00Z_cardinalhealth.ca", "Google Inc.", Set.of()),
                // Synthetic attachment: JSON covers 2026-02-08 while the name says 2026-05-12.
                new Expect("tlsrpt-digest__tlsrpt_failure.eml", "google.com!example.com!1778544000!1778630399!001.json.gz",
                        GZ, "example.com", "google.com", "<6a049c05.00000000.3554e0.3524tls@google.com>",
                        "2026-02-08T00:00:00Z_example.com", "Google Inc.", Set.of(WarningCode.FILENAME_MISMATCH)),
                new Expect("tlsrpt-digest__tlsrpt_success_google_1.eml",
                        "google.com!example.com!1778457600!1778543999!001.json.gz", GZ, "example.com", "google.com",
                        "<6a034af0.00000000.3a4de4.4c68tls@google.com>", "2026-05-11T00:00:00Z_example.com",
                        "Google Inc.", Set.of()),
                new Expect("tlsrpt-digest__tlsrpt_success_google_2.eml",
                        "google.com!example.com!1778544000!1778630399!001.json.gz", GZ, "example.com", "google.com",
                        "<6a049c05.00000000.3554e0.3524tls@google.com>", "2026-05-12T00:00:00Z_example.com",
                        "Google Inc.", Set.of()),
                new Expect("tlsrpt-digest__tlsrpt_success_microsoft.eml",
                        "microsoft.com!example.com!1778630400!1778716799!134232617934286362.json.gz", GZ,
                        "example.com", "microsoft.com", "<134232617934286362+example.com@example.com>",
                        "134232617934286362+example.com", "Microsoft Corporation", Set.of()));
    }

    private final ReportEmailExtractor extractor = new ReportEmailExtractor(Limits.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("emails")
    void extractsTheReportAndHeaders(Expect e) throws ReportParseException {
        ReportEmail email = extractor.extract(Corpus.read(e.file()), e.file());

        assertThat(email.metadata().reportDomain()).isEqualTo(e.domain());
        assertThat(email.metadata().reportSubmitter()).isEqualTo(e.submitter());
        assertThat(email.metadata().messageId()).isEqualTo(e.messageId());
        assertThat(email.metadata().subjectFields()).isNotNull();
        assertThat(email.metadata().date()).isNotNull();
        assertThat(email.reports()).hasSize(1);

        EmailReport r = email.reports().get(0);
        assertThat(r.partName()).isEqualTo("part 2");
        assertThat(r.filename()).isEqualTo(e.filename());
        assertThat(r.contentType()).isEqualTo(e.contentType());
        assertThat(r.filenameFields()).isNotNull();
        assertThat(r.message()).isEqualTo(email.metadata());

        ParsedReport p = r.parsed();
        assertThat(p.report().reportId()).isEqualTo(e.reportId());
        assertThat(p.report().organizationName()).isEqualTo(e.organization());
        Set<WarningCode> emailLevel = p.warnings().stream().map(Warning::code).filter(EMAIL_CODES::contains)
                .collect(Collectors.toSet());
        assertThat(emailLevel).as("email-level warnings: %s", p.warnings()).isEqualTo(e.emailWarnings());
    }

    @Test
    void everyCorpusEmailIsCovered() throws IOException {
        Set<String> listed = emails().stream().map(Expect::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Corpus.reportsDir())) {
            Set<String> onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .collect(Collectors.toSet());
            assertThat(listed).isEqualTo(onDisk);
        }
    }

    @Test
    void rfcSampleDateWithMonthBeforeDayIsReadLeniently() throws ReportParseException {
        EmailMetadata m = extractor.extract(Corpus.read("mail-auth__rpt01.eml"), "rpt01").metadata();
        assertThat(m.dateRaw()).isEqualTo("Fri, May 09 2017 16:54:30 -0800");
        assertThat(m.date()).isEqualTo(Instant.parse("2017-05-10T00:54:30Z"));
        // Subject folded over three lines (RFC 8460 §5.3.1 sample).
        assertThat(m.subjectFields()).isEqualTo(new ReportSubject("example.net", "mail.sender.example.com",
                "<735ff.e317+bf22029@example.net>"));
    }

    @Test
    void microsoftFoldedSubjectAndFilenameOnlyInContentDisposition() throws ReportParseException {
        ReportEmail email = extractor.extract(Corpus.read("tlsrpt-digest__tlsrpt_success_microsoft.eml"), "ms");
        assertThat(email.metadata().from()).isEqualTo("<tlsrpt-noreply@microsoft.com>");
        assertThat(email.metadata().date()).isEqualTo(Instant.parse("2026-05-14T21:32:30Z"));
        assertThat(email.metadata().subjectFields().reportId()).isEqualTo("134232617934286362+example.com");
        ReportFilename f = email.reports().get(0).filenameFields();
        assertThat(f).isEqualTo(new ReportFilename("microsoft.com", "example.com",
                Instant.ofEpochSecond(1778630400L), Instant.ofEpochSecond(1778716799L),
                "134232617934286362", "json.gz"));
    }

    @Test
    void filenameMismatchNamesTheDifferingFields() throws ReportParseException {
        ParsedReport p = extractor.extract(Corpus.read("tlsrpt-digest__tlsrpt_failure.eml"), "f")
                .reports().get(0).parsed();
        Warning w = p.warnings().stream().filter(x -> x.code() == WarningCode.FILENAME_MISMATCH).findFirst()
                .orElseThrow();
        assertThat(w.where()).isEqualTo("part 2 filename");
        assertThat(w.message()).contains("begin 1778544000").contains("2026-02-08T00:00:00Z")
                .doesNotContain("sender").doesNotContain("policy domain");
    }

    @Test
    void headersThatDisagreeWithTheJsonSayWhat() throws ReportParseException {
        Map<WarningCode, Warning> byCode = extractor.extract(Corpus.read("mail-auth__rpt01.eml"), "rpt01")
                .reports().get(0).parsed().warnings().stream()
                .collect(Collectors.toMap(Warning::code, w -> w, (a, b) -> a));
        assertThat(byCode.get(WarningCode.HEADER_DOMAIN_MISMATCH).message())
                .contains("example.net").contains("company-y.example");
        assertThat(byCode.get(WarningCode.HEADER_SUBMITTER_MISMATCH).message())
                .contains("mail.sender.example.com").contains("company-x.example");
    }
}
