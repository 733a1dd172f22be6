package org.tlsrpthub.hub.ingest;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for network paths. Many concurrent senders hand their prepared input to one writer
 * thread, which commits whatever has queued up in one transaction and only then completes each
 * sender's future. One durable commit per report caps SQLite at a few thousand reports a second;
 * sharing the commit lifts that cap while every sender is still answered only after its input is
 * committed (synced to disk unless store.sqlite.synchronous=normal). Under light load a batch is a
 * single input, so latency stays that of one commit.
 *
 * <p>Where the store leaves the sync to the caller ({@link IngestService#defersSync}: SQLite at
 * synchronous=FULL), a second thread syncs and only then completes the senders' futures, while the
 * writer already writes the next batch: the fsync no longer stops the writer, and one sync covers
 * every batch committed before it began. A sync that fails stops the committer (like an Error):
 * after a failed fsync nothing written since can be trusted to be on disk.
 *
 * <p>No sender waits for ever: {@link #commit} gives up after the commit timeout, a writer that
 * dies (an {@link Error} such as an OutOfMemoryError) fails every input still waiting, and
 * {@link #close} stops waiting for a writer that makes no progress.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** Thrown when the committer is closed, dead, stalled, or its queue is full: try again later. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** What {@code /readyz} needs to know: whether inputs get committed. */
    public enum Health { WORKING, STALLED, DEAD }

    private record Pending(PreparedInput input, CompletableFuture<IngestOutcome> result) {}

    /** An input whose transaction committed, with its outcome: given to its sender once synced. */
    private record Committed(Pending pending, IngestOutcome outcome) {}

    private final IngestService ingest;
    private final BlockingQueue<Pending> queue;
    private final int maxQueue;
    private final int maxBatch;
    private final Duration commitTimeout;
    private final Thread writer;
    private final Thread syncer; // null when each commit is durable as it returns
    private final Object syncLock = new Object();
    private final List<Committed> awaitingSync = new ArrayList<>(); // guarded by syncLock
    private boolean writerDone; // guarded by syncLock
    private boolean syncerGone; // guarded by syncLock
    private boolean syncInFlight; // guarded by syncLock
    private volatile int backlogWanted; // > 0 while the writer waits for that many queued inputs
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile Throwable death;
    // System.nanoTime() when the batch being committed began; 0 while the writer waits for work.
    private volatile long batchStarted;
    private volatile long syncStarted; // the same for the sync in progress
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong batches = new AtomicLong(); // committed or failed: the writer's progress
    private final AtomicLong failures = new AtomicLong();

    public GroupCommitter(IngestService ingest, int maxQueue, int maxBatch) {
        this(ingest, maxQueue, maxBatch, Duration.ofSeconds(60));
    }

    /**
     * @param maxQueue      how many inputs may wait; beyond that {@link #submit} refuses (back-pressure)
     * @param maxBatch      most inputs in one transaction
     * @param commitTimeout how long {@link #commit} waits, and how long one batch may take before the
     *                      writer counts as stalled
     */
    public GroupCommitter(IngestService ingest, int maxQueue, int maxBatch, Duration commitTimeout) {
        this.ingest = ingest;
        this.queue = new ArrayBlockingQueue<>(maxQueue);
        this.maxQueue = maxQueue;
        this.maxBatch = maxBatch;
        this.commitTimeout = commitTimeout;
        this.syncer = ingest.defersSync() ? Thread.ofPlatform().name("group-commit-sync").daemon(false).start(this::syncRun) : null;
        this.writer = Thread.ofPlatform().name("group-commit").daemon(false).start(this::run);
    }

    /**
     * Queues a prepared input. The future completes with its outcome after the commit, or
     * exceptionally with the SQLException when the database failed, or with {@link Unavailable}.
     */
    public CompletableFuture<IngestOutcome> submit(PreparedInput input) {
        return enqueue(input).result();
    }

    /**
     * Commits an input and returns its outcome, waiting at most the commit timeout.
     *
     * @throws Unavailable  closed, dead, queue full, or the timeout passed (then the input is taken
     *                      off the queue if the writer has not started on it: it may or may not be stored)
     * @throws SQLException the database failed
     */
    public IngestOutcome commit(PreparedInput input) throws Unavailable, SQLException, InterruptedException {
        Pending p = enqueue(input);
        try {
            return p.result().get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            boolean withdrawn = queue.remove(p);
            log.error("event=commit-timeout waited-ms={} withdrawn={} writer={}", commitTimeout.toMillis(), withdrawn, health());
            throw new Unavailable("the database did not commit within " + commitTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) throw s;
            if (cause instanceof Unavailable u) throw u;
            throw new Unavailable("the commit failed: " + cause);
        }
    }

    private Pending enqueue(PreparedInput input) {
        Pending p = new Pending(input, new CompletableFuture<>());
        // The read lock orders every accepted input before close() sets closed, so none is left behind.
        gate.readLock().lock();
        try {
            if (closed) {
                p.result().completeExceptionally(new Unavailable("shutting down"));
            } else if (death != null) {
                p.result().completeExceptionally(new Unavailable("the database writer has stopped"));
            } else if (!queue.offer(p)) {
                p.result().completeExceptionally(new Unavailable("too many inputs waiting for the database"));
            } else {
                int wanted = backlogWanted;
                if (wanted > 0 && queue.size() >= wanted) {
                    synchronized (syncLock) {
                        syncLock.notifyAll();
                    }
                }
            }
        } finally {
            gate.readLock().unlock();
        }
        return p;
    }

    /** Transactions committed and inputs in them so far (average batch size = inputs / commits). */
    public long[] counts() {
        return new long[] {commits.get(), committed.get()};
    }

    /** Inputs whose commit failed so far (each told its sender to retry). */
    public long failures() {
        return failures.get();
    }

    /**
     * DEAD after an Error ended the writer or a sync failed; STALLED while one batch, or one sync,
     * takes longer than the commit timeout.
     */
    public Health health() {
        if (death != null || !closed && (!writer.isAlive() || syncer != null && !syncer.isAlive())) return Health.DEAD;
        long now = System.nanoTime();
        if (overdue(batchStarted, now) || overdue(syncStarted, now)) return Health.STALLED;
        return Health.WORKING;
    }

    private boolean overdue(long started, long now) {
        return started != 0 && now - started > commitTimeout.toNanos();
    }

    /**
     * The writer's time so far: wall-clock nanoseconds spent committing, and the CPU nanoseconds of
     * the writer and the sync thread together (-1 where the JVM cannot tell). Busy close to elapsed
     * time means the writer is the bottleneck.
     */
    public long[] writerTime() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = -1;
        if (threads.isThreadCpuTimeSupported()) {
            cpu = Math.max(0, threads.getThreadCpuTime(writer.threadId()));
            if (syncer != null) cpu += Math.max(0, threads.getThreadCpuTime(syncer.threadId()));
        }
        return new long[] {busyNanos.get(), cpu};
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        try {
            while ((!closed || !queue.isEmpty()) && death == null) {
                batch.clear();
                Pending first;
                try {
                    first = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break; // close() gave up on this writer
                }
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                long t0 = System.nanoTime();
                batchStarted = t0;
                commit(batch);
                batchStarted = 0;
                batches.incrementAndGet();
                busyNanos.addAndGet(System.nanoTime() - t0);
                try {
                    awaitSyncOrBacklog(batch.size());
                } catch (InterruptedException e) {
                    break; // close() gave up on this writer
                }
            }
        } catch (Throwable e) {
            // An Error (out of memory, a broken driver): nothing may wait for a writer that is gone.
            death = e;
            log.error("event=group-commit-writer-died error=\"{}\"; every waiting input fails, /readyz reports it", e.toString(), e);
            for (Pending p : batch) fail(p, e);
        } finally {
            if (death != null) failQueued(new Unavailable("the database writer has stopped"));
            synchronized (syncLock) {
                writerDone = true;
                syncLock.notifyAll();
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<PreparedInput> inputs = new ArrayList<>(batch.size());
        for (Pending p : batch) inputs.add(p.input());
        List<Committed> done = new ArrayList<>(batch.size());
        try {
            List<IngestOutcome> outcomes = write(inputs);
            commits.incrementAndGet();
            committed.addAndGet(inputs.size());
            for (int i = 0; i < batch.size(); i++) done.add(new Committed(batch.get(i), outcomes.get(i)));
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            // One bad input must not fail its neighbours: try each alone. When the database is down
            // each attempt fails fast and every sender gets the error (HTTP 503, try later).
            log.warn("event=group-commit-failed inputs={} error=\"{}\"; committing one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                if (p.result().isDone()) continue;
                try {
                    done.add(new Committed(p, write(List.of(p.input())).get(0)));
                } catch (SQLException | RuntimeException single) {
                    fail(p, single);
                }
            }
        }
        if (syncer == null) {
            for (Committed c : done) c.pending().result().complete(c.outcome());
        } else {
            handToSyncer(done);
        }
    }

    /**
     * While the last batch is being synced, waits until it is synced or as many inputs as it held
     * are queued. Committing a smaller batch beside the sync would gain nothing (its senders wait
     * for the next sync anyway) and cost CPU: each commit writes every page it touched, and a
     * smaller batch shares fewer of them.
     */
    private void awaitSyncOrBacklog(int last) throws InterruptedException {
        if (syncer == null) return;
        synchronized (syncLock) {
            backlogWanted = last;
            try {
                while ((syncInFlight || !awaitingSync.isEmpty()) && !syncerGone && queue.size() < last) syncLock.wait();
            } finally {
                backlogWanted = 0;
            }
        }
    }

    private List<IngestOutcome> write(List<PreparedInput> inputs) throws SQLException {
        return syncer == null ? ingest.commit(inputs) : ingest.commitSyncLater(inputs);
    }

    // Waits while the sync thread is maxQueue inputs behind: committed but unsynced inputs are bounded too.
    private void handToSyncer(List<Committed> done) {
        synchronized (syncLock) {
            boolean abandoned = false;
            try {
                while (!syncerGone && awaitingSync.size() >= maxQueue) syncLock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // close() gave up on this writer: its loop ends
                abandoned = true;
            }
            if (!syncerGone && !abandoned) {
                awaitingSync.addAll(done);
                syncLock.notifyAll();
                return;
            }
        }
        // committed but never synced: not acknowledged, so the sender retries (and finds a duplicate)
        for (Committed c : done) fail(c.pending(), new Unavailable("the database writer has stopped"));
    }

    /** The sync thread: syncs whatever has been committed since its last sync, then answers those senders. */
    private void syncRun() {
        List<Committed> syncing = new ArrayList<>();
        try {
            while (true) {
                synchronized (syncLock) {
                    while (awaitingSync.isEmpty() && !writerDone) syncLock.wait();
                    if (awaitingSync.isEmpty()) return; // the writer has ended and everything is synced
                    syncing.addAll(awaitingSync);
                    awaitingSync.clear();
                    syncInFlight = true;
                    syncLock.notifyAll();
                }
                syncStarted = System.nanoTime();
                ingest.syncCommits();
                syncStarted = 0;
                for (Committed c : syncing) c.pending().result().complete(c.outcome());
                syncing.clear();
                synchronized (syncLock) {
                    syncInFlight = false;
                    syncLock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // close() gave up on this thread
        } catch (Throwable e) {
            death = e;
            log.error("event=group-commit-sync-failed error=\"{}\"; the committer stops, every waiting input fails, /readyz reports it",
                    e.toString(), e);
        } finally {
            for (Committed c : syncing) fail(c.pending(), new Unavailable("the database could not sync its log to disk"));
            synchronized (syncLock) {
                syncerGone = true;
                for (Committed c : awaitingSync) fail(c.pending(), new Unavailable("the database writer has stopped"));
                awaitingSync.clear();
                syncLock.notifyAll();
            }
            if (death != null) failQueued(new Unavailable("the database writer has stopped"));
        }
    }

    private void fail(Pending p, Throwable why) {
        if (p.result().completeExceptionally(why)) failures.incrementAndGet();
    }

    private void failQueued(Throwable why) {
        Pending p;
        while ((p = queue.poll()) != null) fail(p, why);
    }

    /**
     * Refuses new inputs, commits everything already queued, and waits for the writer to end: as
     * long as it makes progress, but never for ever. A dead or stalled writer's inputs fail
     * (their senders were not acknowledged and retry).
     */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        try {
            long progress = -1;
            while (writer.isAlive()) {
                writer.join(commitTimeout.toMillis());
                long now = batches.get();
                if (writer.isAlive() && (now == progress || health() != Health.WORKING)) {
                    log.error("event=group-commit-close-abandoned queued={} writer={}", queue.size(), health());
                    writer.interrupt();
                    break;
                }
                progress = now;
            }
            if (syncer != null) {
                synchronized (syncLock) {
                    writerDone = true; // also when the writer was abandoned above
                    syncLock.notifyAll();
                }
                syncer.join(commitTimeout.toMillis());
                if (syncer.isAlive()) {
                    log.error("event=group-commit-close-abandoned-sync writer={}", health());
                    syncer.interrupt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued(new Unavailable("shutting down"));
    }
}
