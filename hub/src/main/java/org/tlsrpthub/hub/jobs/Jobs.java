package org.tlsrpthub.hub.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;

/**
 * The one way the hub runs background work. Each {@link Job} is a db-scheduler recurring task: its
 * next run is a row in {@code scheduled_tasks}, and a node runs it only after claiming that row in
 * the database (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}; SQLite: an update that succeeds for one
 * claimant only), so every round runs on exactly one of the nodes sharing the database. A node that
 * dies in a run stops sending heartbeats and another node takes the run over.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Scheduler scheduler;

    private Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts running {@code jobs} on this node; with {@code jobs.enabled=false}, or no job, nothing. */
    public static Jobs start(Database db, List<Job> jobs, JobSettings settings, Clock clock) {
        if (!settings.enabled() || jobs.isEmpty()) return new Jobs(null);
        JobRuns runs = new JobRuns(db, clock);
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.every()))
                        .execute((instance, context) -> run(job, context, runs, settings.nodeName())))
                .toList();
        boolean postgres = db.dialect() == Dialect.POSTGRESQL;
        SchedulerBuilder builder = Scheduler.create(db.dataSource())
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(Duration.ofSeconds(Math.max(1, settings.pollInterval().toSeconds())))
                .schedulerName(settings::nodeName)
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .alwaysPersistTimestampInUTC()
                .jdbcCustomization(postgres ? new PostgreSqlJdbcCustomization(false, true) : new SqliteJdbcCustomization());
        if (postgres) builder.pollUsingLockAndFetch(0.5, 1.0);
        Scheduler scheduler = builder.build();
        scheduler.start();
        log.info("event=started component=jobs node=\"{}\" jobs={}", settings.nodeName(), jobs.stream().map(Job::name).toList());
        return new Jobs(scheduler);
    }

    private static void run(Job job, ExecutionContext context, JobRuns runs, String node) {
        JobRuns.Started started;
        try {
            started = runs.start(job.name(), context.getExecution().executionTime, node);
        } catch (Exception e) {
            throw new IllegalStateException("job " + job.name() + ": cannot record the run: " + e.getMessage(), e);
        }
        boolean ok = false;
        String detail;
        try {
            detail = job.work().run();
            ok = true;
            log.info("event=job-done job={} detail=\"{}\"", job.name(), detail);
        } catch (Exception | Error e) {
            detail = e.toString();
            log.warn("event=job-failed job={} error=\"{}\"", job.name(), detail);
        }
        try {
            runs.finish(started, ok, detail);
        } catch (Exception e) {
            log.warn("event=job-ledger-failed job={} error=\"{}\"", job.name(), e.toString());
        }
        // A failed run is over like any other: the next one comes at the usual interval.
    }

    /** Stops claiming new runs and waits (bounded) for runs under way on this node. */
    @Override
    public void close() {
        if (scheduler != null) scheduler.stop();
    }
}
