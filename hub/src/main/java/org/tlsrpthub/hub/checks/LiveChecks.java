package org.tlsrpthub.hub.checks;

import java.time.Clock;
import java.util.Optional;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.store.Database;

/** The live-check parts wired together once, for {@code serve} and the {@code checks} command. */
public final class LiveChecks {
    private final CheckSettings settings;
    private final CheckRound round;
    private final CheckEvents events;
    private final LiveCheckService service;
    private final Clock clock;

    public LiveChecks(Settings s, Database db, Clock clock, DomainChecker checker, CheckObserver observer) {
        this.clock = clock;
        this.settings = CheckSettings.from(s);
        CheckStore store = new CheckStore(db, settings.historyKeep());
        this.round = new CheckRound(store, checker, new CheckSchedule(settings.interval()), settings.concurrency(), clock, observer);
        this.events = new CheckEvents(db, store);
        this.service = new LiveCheckService(store, checker, round, events, new ReportsBeside(db, clock));
    }

    public LiveCheckService service() {
        return service;
    }

    /** The change events, for the alert rules. */
    public CheckEvents events() {
        return events;
    }

    /** The scheduled round, unless {@code checks.schedule=false}. */
    public Optional<Job> job() {
        return CheckJob.from(settings, round, clock);
    }
}
