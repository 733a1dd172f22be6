package org.tlsrpthub.hub.checks;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round: every served domain of every organisation that is due (or all of them), checked with
 * at most {@code concurrency} at a time, each result stored as soon as it is taken. The scheduled
 * job runs it on one node at a time; {@code checks run} runs it from the command line.
 */
public final class CheckRound {
    private static final Logger log = LoggerFactory.getLogger(CheckRound.class);

    private final CheckStore store;
    private final DomainChecker checker;
    private final CheckSchedule schedule;
    private final int concurrency;
    private final Clock clock;
    private final CheckObserver observer;

    public CheckRound(CheckStore store, DomainChecker checker, CheckSchedule schedule, int concurrency, Clock clock,
            CheckObserver observer) {
        this.store = store;
        this.checker = checker;
        this.schedule = schedule;
        this.concurrency = concurrency;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * @param domains  how many served domains there are
     * @param checked  how many were checked and stored
     * @param errors   of those, how many have an error finding
     * @param failed   checks that failed themselves (a bug in the checker: logged, nothing stored)
     */
    public record Result(int domains, int checked, int errors, int failed, Duration took) {
        public String line() {
            return "checked " + checked + " of " + domains + " domains (" + errors + " with errors" + (failed == 0 ? "" : ", " + failed + " failed")
                    + ") in " + took.toMillis() + " ms";
        }
    }

    /** @param all check every served domain, not only those due; {@code source} is stored with each result */
    public Result run(boolean all, String source) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Map<String, Instant> last = store.schedule();
        List<String> due = new ArrayList<>();
        last.forEach((domain, at) -> {
            if (all || schedule.due(domain, at, now)) due.add(domain);
        });
        AtomicInteger checked = new AtomicInteger(), errors = new AtomicInteger(), failed = new AtomicInteger();
        if (!due.isEmpty()) {
            try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, due.size()), Thread.ofVirtual().name("check-", 0).factory())) {
                List<Future<?>> futures = new ArrayList<>();
                for (String domain : due) futures.add(pool.submit(() -> checkOne(domain, source, checked, errors, failed)));
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw new SQLException("storing a check failed: " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        observer.roundDone(took);
        return new Result(last.size(), checked.get(), errors.get(), failed.get(), took);
    }

    private Void checkOne(String domain, String source, AtomicInteger checked, AtomicInteger errors, AtomicInteger failed) throws SQLException {
        DomainCheck check;
        try {
            check = checker.check(domain);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            observer.checked("failed");
            log.warn("event=check-failed domain={} error=\"{}\"", domain, e.toString());
            return null;
        }
        store.save(check, source);
        checked.incrementAndGet();
        if (check.hasErrors()) errors.incrementAndGet();
        observer.checked(check.hasErrors() ? "errors" : "clean");
        return null;
    }
}
