package org.tlsrpthub.hub.checks;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/**
 * The one service behind the live-check surfaces (pages, API, {@code checks} command): check a
 * domain now and store it, its newest check and history, the coverage of every domain, a round.
 * Every read is scoped: a domain the scope does not see answers 404 like an unknown one.
 */
public final class LiveCheckService {
    public static final int MAX_HISTORY = 500;

    private final CheckStore store;
    private final DomainChecker checker;
    private final CheckRound round;
    private final CheckEvents events;
    private final ReportsBeside beside;

    public LiveCheckService(CheckStore store, DomainChecker checker, CheckRound round, CheckEvents events, ReportsBeside beside) {
        this.store = store;
        this.checker = checker;
        this.round = round;
        this.events = events;
        this.beside = beside;
    }

    /** Checks the domain now and stores the result ("check now"): an analyst's action, not a change, so not audited. */
    public StoredCheck checkNow(Scope scope, String domain, String source) throws SQLException {
        if (!scope.may(Role.ANALYST)) throw LiveCheckException.forbidden("checking a domain needs the analyst role");
        String d = visible(scope, domain);
        DomainCheck check = checker.check(d);
        store.save(check, source);
        return store.latest(d).orElseThrow();
    }

    public Optional<StoredCheck> latest(Scope scope, String domain) throws SQLException {
        return store.latest(visible(scope, domain));
    }

    /** The domain's newest check, its stored checks newest first, and its newest change events. */
    public record History(String domain, StoredCheck latest, List<StoredCheck> history, List<CheckEvent> events) {}

    public History history(Scope scope, String domain, int limit) throws SQLException {
        if (limit < 1 || limit > MAX_HISTORY) throw LiveCheckException.bad("limit must be from 1 to " + MAX_HISTORY + ", not " + limit);
        String d = visible(scope, domain);
        List<StoredCheck> h = store.history(d, limit);
        return new History(d, h.isEmpty() ? null : h.get(0), h, events.ofDomain(d, limit));
    }

    /** The coverage page: the rows the filter keeps, and how many domains each filter would keep. */
    public record Coverage(CoverageFilter filter, List<CoverageRow> rows, Map<CoverageFilter, Integer> counts) {}

    public Coverage coverage(Scope scope, CoverageFilter filter) throws SQLException {
        List<CoverageRow> all = store.coverage(scope);
        Map<CoverageFilter, Integer> counts = new EnumMap<>(CoverageFilter.class);
        for (CoverageFilter f : CoverageFilter.values()) counts.put(f, (int) all.stream().filter(f::keeps).count());
        return new Coverage(filter, all.stream().filter(filter::keeps).toList(), counts);
    }

    /** What senders reported about the domain beside what its newest check sees. */
    public ReportsBeside.View beside(Scope scope, String domain) throws SQLException {
        String d = visible(scope, domain);
        return beside.view(d, store.latest(d).map(StoredCheck::check).orElse(null), store.history(d, MAX_HISTORY));
    }

    /** A round now, over every organisation's domains (the local CLI; the job runs the same round). */
    public CheckRound.Result round(Scope scope, boolean all, String source) throws SQLException, InterruptedException {
        if (!scope.isWholeHub()) throw LiveCheckException.forbidden("a round covers every organisation: run it from the hub's command line");
        return round.run(all, source);
    }

    private String visible(Scope scope, String domain) throws SQLException {
        if (domain == null || domain.isBlank()) throw LiveCheckException.bad("name a domain");
        String d = DomainNames.normalise(domain);
        if (!store.visible(scope, d)) throw LiveCheckException.notFound(d);
        return d;
    }
}
