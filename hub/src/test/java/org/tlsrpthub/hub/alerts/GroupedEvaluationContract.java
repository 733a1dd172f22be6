package org.tlsrpthub.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.NOW;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.TODAY;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * The evaluation reads its facts a chunk of domains at a time (rollups, policy histories): on a
 * generated store, a full evaluation in small chunks finds exactly the signals that evaluating each
 * domain on its own finds, evidence included; a served domain with a live check but no report is
 * evaluated too; and an evaluator that holds cells from before an ingest finds what a new one finds.
 */
abstract class GroupedEvaluationContract {
    protected abstract String emptyDatabaseUrl();

    private static final String CHECKED_ONLY = "checked-only.example";

    private Database db;
    private IngestService ingest;
    private AlertSettings settings;
    private MtaStsSource mtaSts;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // nine domains x three senders x 45 days of the benchmark's generated reports (failures, a daily TLSA change on domain0 and domain5)
        ingest = new IngestService(db, new CoreInputDecoder(), clock);
        ReportGenerator gen = new ReportGenerator(7, TODAY.minusDays(45));
        ReportWriter writer = new ReportWriter();
        for (int day = 0; day < 45; day++) {
            List<PreparedInput> batch = new ArrayList<>();
            for (int d = 0; d < 9; d++) {
                for (int s = 0; s < 3; s++) batch.add(ingest.prepare(writer.write(gen.report(d, s, day)), Provenance.file(d + "/" + day + "/" + s, NOW)));
            }
            ingest.commit(batch);
        }
        ReadinessScenario.readyWithStaleReporter(db); // a reporter still on the old policy: stale-policy fires
        new CheckStore(db, 100).save(new DomainCheck(CHECKED_ONLY, NOW.minus(Duration.ofHours(1)), List.of(new Finding(
                "starttls-not-supported", FindingSeverity.ERROR, "mx1." + CHECKED_ONLY, "no STARTTLS", "enable it")), null, null,
                List.of(), new DaneState("inactive", "")), "schedule");
        settings = AlertSettings.defaults();
        mtaSts = MtaStsSource.of(ReadinessService.of(db, clock, Settings.of(Map.of())));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void chunksFindWhatEachDomainAloneFinds() throws Exception {
        Evaluation full = db.withConnection(c -> new Evaluator(settings, mtaSts, 4).evaluate(c, NOW, null));
        List<Signal> alone = new ArrayList<>();
        for (String domain : full.domains()) {
            alone.addAll(db.withConnection(c -> new Evaluator(settings, mtaSts, 1).evaluate(c, NOW, List.of(domain))).signals());
        }
        alone.sort(Comparator.comparing(Signal::key));

        List<Signal> ofDomains = full.signals().stream().filter(s -> !s.domain().isEmpty()).toList();
        assertThat(ofDomains).isEqualTo(alone);
        assertThat(full.domains()).hasSize(11).contains(CHECKED_ONLY, ReadinessScenario.DOMAIN, ReportGenerator.domainName(8));
        assertThat(ofDomains).extracting(Signal::rule).contains("stale-policy", "live-check", "failure-rate", "sender-failing", "new-failure-type");
        assertThat(ofDomains).filteredOn(s -> s.domain().equals(CHECKED_ONLY)).extracting(Signal::rule, Signal::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("live-check", "starttls-not-supported mx1." + CHECKED_ONLY));
    }

    @Test
    void anIngestBatchsDomainsEvaluatedTogetherFindWhatTheFullEvaluationFindsForThem() throws Exception {
        // one more day of reports for three domains, evaluated the next day as the evaluation after that ingest batch is
        ReportGenerator gen = new ReportGenerator(7, TODAY.minusDays(45));
        ReportWriter writer = new ReportWriter();
        List<String> touched = List.of(ReportGenerator.domainName(0), ReportGenerator.domainName(4), ReportGenerator.domainName(7));
        List<PreparedInput> batch = new ArrayList<>();
        for (int d : new int[] {0, 4, 7}) {
            for (int s = 0; s < 3; s++) batch.add(ingest.prepare(writer.write(gen.report(d, s, 45)), Provenance.file(d + "/45/" + s, NOW)));
        }
        ingest.commit(batch);
        var later = NOW.plus(Duration.ofDays(1));

        Evaluation incremental = db.withConnection(c -> new Evaluator(settings, mtaSts).evaluate(c, later, touched));
        Evaluation full = db.withConnection(c -> new Evaluator(settings, mtaSts).evaluate(c, later, null));

        assertThat(incremental.domains()).containsExactlyInAnyOrderElementsOf(touched);
        assertThat(incremental.signals()).isNotEmpty()
                .isEqualTo(full.signals().stream().filter(s -> touched.contains(s.domain())).toList());
    }

    @Test
    void anEvaluatorHoldingCellsFromBeforeAnIngestFindsWhatANewOneFinds() throws Exception {
        Evaluator kept = new Evaluator(settings, mtaSts);
        String failing = ReportGenerator.domainName(4);
        Evaluation before = db.withConnection(c -> kept.evaluate(c, NOW, null)); // holds every domain's cells now
        // a report of 500 failed sessions about yesterday, a day the evaluator holds
        Report r = new ReportGenerator(7, TODAY.minusDays(45)).report(4, 0, 44);
        PolicyResult p = r.policies().get(0);
        Report failed = new Report(r.organizationName(), r.dateRange(), r.contactInfo(), r.reportId() + "-failed", List.of(new PolicyResult(
                p.policy(), new Summary(10, 500), List.of(new FailureDetail(ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx1." + failing,
                        null, "192.0.2.25", 500, null, null)))));
        ingest.commit(List.of(ingest.prepare(new ReportWriter().write(failed), Provenance.file("failed", NOW))));

        Evaluation batch = db.withConnection(c -> kept.evaluate(c, NOW, List.of(failing)));
        Evaluation full = db.withConnection(c -> kept.evaluate(c, NOW, null));
        Evaluation fresh = db.withConnection(c -> new Evaluator(settings, mtaSts).evaluate(c, NOW, null));

        assertThat(full.signals()).isEqualTo(fresh.signals());
        assertThat(batch.signals()).isNotEmpty().isEqualTo(fresh.signals().stream().filter(s -> s.domain().equals(failing)).toList())
                .isNotEqualTo(before.signals().stream().filter(s -> s.domain().equals(failing)).toList());
    }
}
