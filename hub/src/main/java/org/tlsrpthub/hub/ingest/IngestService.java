package org.tlsrpthub.hub.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.hub.domains.DomainFilter;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.domains.OtherDomains;
import org.tlsrpthub.hub.ownership.DomainAssigner;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;
import org.tlsrpthub.hub.store.RawInput;
import org.tlsrpthub.hub.store.ReportStore;
import org.tlsrpthub.hub.store.ReporterIdentity;
import org.tlsrpthub.hub.store.StoreRequest;
import org.tlsrpthub.hub.store.StoreResult;

/**
 * The only way into the store, for every path (files, HTTPS, SMTP, IMAP). Thread-safe.
 *
 * <p>{@link #ingest} handles one input in one transaction. Imports split the same work in two:
 * {@link #prepare} (decode, hash, compress: CPU, any thread) and {@link #commit} (many prepared
 * inputs in one durable transaction), which is what makes tens of thousands of reports a second possible.
 * Either way an input is idempotent: the same bytes or the same report again is a duplicate.
 */
public final class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final Database db;
    private final ReportStore store;
    private final Clock clock;
    private final CapturingDecoder decoder;
    private final IngestObserver observer;
    private final DomainAssigner assigner;

    public IngestService(Database db, InputDecoder decoder, Clock clock) {
        this(db, decoder, clock, IngestObserver.NONE);
    }

    public IngestService(Database db, InputDecoder decoder, Clock clock, IngestObserver observer) {
        this.db = db;
        this.store = new ReportStore(db, clock);
        this.clock = clock;
        this.decoder = new CapturingDecoder(decoder);
        this.observer = observer;
        this.assigner = new DomainAssigner(clock);
    }

    /**
     * Why the last {@link #prepare} on this thread could not decode its input, with the pointer,
     * line and column that the quarantine text flattens; null when it decoded. Clears it.
     */
    public ReportParseException takeLastParseError() {
        return decoder.takeLastError();
    }

    /** What time it is for this service's writes (reprocessing's audit entries use it too). */
    public Clock clock() {
        return clock;
    }

    /** The store this service writes to (reprocessing also rewrites stored reports through it). */
    public ReportStore store() {
        return store;
    }

    /** Ingests one input in its own transaction. Throws only when the database fails (the caller should retry later). */
    public IngestOutcome ingest(byte[] raw, Provenance provenance) throws SQLException {
        return commit(List.of(prepare(raw, provenance))).get(0);
    }

    /** Decodes, hashes and compresses an input. Never throws for bad input: the error is kept for quarantine. */
    public PreparedInput prepare(byte[] raw, Provenance provenance) {
        String source = provenance.origin() == null ? provenance.channel().id() : provenance.origin();
        try {
            InputDecoder.Decoded d = decoder.decode(raw, source);
            return new PreparedInput(RawInput.of(raw, provenance.withMessageIdIfAbsent(d.messageId())), d.reports(), null);
        } catch (ReportParseException e) {
            return new PreparedInput(RawInput.of(raw, provenance), List.of(),
                    new Quarantine(e.kind().name(), e.reason(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must not lose the input: it waits in quarantine for a fixed parser (reprocess).
            // It must not go unnoticed either: the stack trace is what a fix needs.
            log.error("event=parser-failure channel={} source=\"{}\" bytes={} error=\"{}\"", provenance.channel().id(),
                    source.replace('"', '\''), raw.length, e.toString().replace('"', '\''), e);
            observer.parserFailed(provenance.channel());
            return new PreparedInput(RawInput.of(raw, provenance), List.of(),
                    new Quarantine(Quarantine.INTERNAL_ERROR, "parser failure: " + e.getClass().getSimpleName(),
                            source + ": " + e));
        }
    }

    /** Writes prepared inputs in one transaction and returns their outcomes in order. */
    public List<IngestOutcome> commit(List<PreparedInput> inputs) throws SQLException {
        return commit(inputs, false);
    }

    /**
     * As {@link #commit(List)}, but where {@link #defersSync} the commit may not be on disk yet: acknowledge
     * its inputs only after a {@link #syncCommits} that began after this returned.
     */
    public List<IngestOutcome> commitSyncLater(List<PreparedInput> inputs) throws SQLException {
        return commit(inputs, true);
    }

    /** True when {@link #commitSyncLater} leaves its sync to {@link #syncCommits} (SQLite at synchronous=FULL). */
    public boolean defersSync() {
        return db.defersSync();
    }

    /** Makes every commit that returned before this call durable. */
    public void syncCommits() throws IOException {
        db.syncCommits();
    }

    private List<IngestOutcome> commit(List<PreparedInput> inputs, boolean syncLater) throws SQLException {
        long t0 = System.nanoTime();
        Set<String> newDomains = new HashSet<>();
        Database.TransactionWork<List<IngestOutcome>> work = c -> {
            newDomains.clear(); // a retried attempt starts over
            return commit(c, inputs, true, newDomains);
        };
        List<IngestOutcome> outcomes = syncLater ? db.inTransactionSyncLater(work) : db.inTransaction(work);
        assigner.remember(newDomains);
        observer.committed(inputs, outcomes, System.nanoTime() - t0);
        return outcomes;
    }

    /**
     * Writes in the transaction open on {@code c}. {@code recordSightings} false is for re-parsing
     * archived inputs, which are not new arrivals.
     */
    public List<IngestOutcome> commit(Connection c, List<PreparedInput> inputs, boolean recordSightings)
            throws SQLException {
        // not remembered: the caller's transaction may yet roll back; a later ingest assigns nothing twice anyway
        return commit(c, inputs, recordSightings, new HashSet<>());
    }

    /** As above; the domains met for the first time (and assigned by the rules) are added to {@code newDomains}. */
    private List<IngestOutcome> commit(Connection c, List<PreparedInput> inputs, boolean recordSightings,
            Set<String> newDomains) throws SQLException {
        DomainFilter filter = DomainStore.filter(c);
        List<Plan> plans = new ArrayList<>(inputs.size());
        List<StoreRequest> requests = new ArrayList<>(inputs.size());
        for (PreparedInput in : inputs) {
            Plan plan = Plan.of(in, filter);
            plans.add(plan);
            if (plan.request != null) requests.add(plan.request);
        }
        List<StoreResult> results = store.write(c, requests, recordSightings);
        newDomains.addAll(assigner.assignNew(c, requests.stream().flatMap(r -> r.reports().stream()).toList()));
        List<IngestOutcome> outcomes = new ArrayList<>(inputs.size());
        int next = 0;
        for (Plan plan : plans) {
            outcomes.add(plan.outcome(plan.request == null ? null : results.get(next++)));
        }
        return outcomes;
    }

    /** How one prepared input will be written: which reports to store, which to quarantine or reject. */
    private static final class Plan {
        final PreparedInput input;
        final List<ParsedReport> accepted = new ArrayList<>();
        final List<OtherDomains> decisions = new ArrayList<>(); // per report of the input, in order
        final List<ParsedReport> quarantined = new ArrayList<>();
        final List<ParsedReport> rejected = new ArrayList<>();
        Quarantine quarantine;
        StoreRequest request;

        private Plan(PreparedInput input) {
            this.input = input;
        }

        static Plan of(PreparedInput in, DomainFilter filter) {
            Plan plan = new Plan(in);
            if (in.parseError() != null) {
                plan.quarantine = in.parseError();
            } else {
                for (ParsedReport pr : in.reports()) {
                    OtherDomains decision = filter.decide(pr.report());
                    plan.decisions.add(decision);
                    switch (decision) {
                        case STORE -> plan.accepted.add(pr);
                        case QUARANTINE -> plan.quarantined.add(pr);
                        case REJECT -> plan.rejected.add(pr);
                    }
                }
                if (!plan.quarantined.isEmpty()) plan.quarantine = otherDomains(plan.quarantined, OtherDomains.QUARANTINE);
            }
            if (!plan.accepted.isEmpty() || plan.quarantine != null) {
                plan.request = new StoreRequest(in.raw(), plan.accepted, plan.quarantine);
            }
            return plan;
        }

        IngestOutcome outcome(StoreResult result) {
            if (input.parseError() != null) {
                Quarantine q = input.parseError();
                return new IngestOutcome(IngestStatus.QUARANTINED, q.reason(), q.kind(), List.of());
            }
            List<ReportOutcome> out = new ArrayList<>();
            int a = 0;
            String reason = null;
            String kind = null;
            for (int i = 0; i < input.reports().size(); i++) {
                Report r = input.reports().get(i).report();
                IngestStatus status;
                String why = null;
                String whyKind = Quarantine.OTHER_DOMAIN;
                switch (decisions.get(i)) {
                    case STORE -> {
                        switch (result.fates().get(a++)) {
                            case STORED -> status = IngestStatus.STORED;
                            case DUPLICATE -> status = IngestStatus.DUPLICATE;
                            default -> {
                                status = IngestStatus.QUARANTINED;
                                why = Quarantine.HELD_REASON;
                                whyKind = Quarantine.CONFLICT;
                            }
                        }
                    }
                    case QUARANTINE -> {
                        status = IngestStatus.QUARANTINED;
                        why = quarantine.reason();
                    }
                    default -> {
                        status = IngestStatus.REJECTED;
                        why = otherDomains(List.of(input.reports().get(i)), OtherDomains.REJECT).reason();
                    }
                }
                if (why != null && reason == null) {
                    reason = why;
                    kind = whyKind;
                }
                out.add(new ReportOutcome(ReporterIdentity.of(r, input.raw().provenance()).key(), r.reportId(), status, why));
            }
            return IngestOutcome.of(out, reason, kind);
        }

        private static Quarantine otherDomains(List<ParsedReport> reports, OtherDomains what) {
            Set<String> domains = new LinkedHashSet<>();
            for (ParsedReport pr : reports) {
                for (PolicyResult p : pr.report().policies()) {
                    domains.add(p.policy().domain() == null ? "(no policy-domain)" : p.policy().domain());
                }
            }
            return new Quarantine(Quarantine.OTHER_DOMAIN, "policy domain not served (setting: " + what.id() + ")",
                    "reports about domains that are not served: " + String.join(", ", domains));
        }
    }
}
