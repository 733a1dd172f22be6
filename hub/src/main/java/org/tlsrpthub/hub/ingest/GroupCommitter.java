package org.tlsrpthub.hub.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for network paths. Many concurrent senders hand their prepared input to one writer
 * thread, which commits whatever has queued up in one transaction and only then completes each
 * sender's future. One durable commit per report caps SQLite at a few thousand reports a second;
 * sharing the commit lifts that cap while every sender is still answered only after its input is on
 * disk. Under light load a batch is a single input, so latency stays that of one commit.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** Thrown into futures when the committer is closed or its queue is full: try again later. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    private record Pending(PreparedInput input, CompletableFuture<IngestOutcome> result) {}

    private static final Pending STOP = new Pending(null, null);

    private final IngestService ingest;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Thread writer;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    /**
     * @param maxQueue how many inputs may wait; beyond that {@link #submit} refuses (back-pressure)
     * @param maxBatch most inputs in one transaction
     */
    public GroupCommitter(IngestService ingest, int maxQueue, int maxBatch) {
        this.ingest = ingest;
        this.queue = new ArrayBlockingQueue<>(maxQueue + 1);
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("group-commit").daemon(false).start(this::run);
    }

    /**
     * Queues a prepared input. The future completes with its outcome after the commit, or
     * exceptionally with the SQLException when the database failed, or with {@link Unavailable}.
     */
    public CompletableFuture<IngestOutcome> submit(PreparedInput input) {
        CompletableFuture<IngestOutcome> f = new CompletableFuture<>();
        // The read lock orders every accepted input before the STOP marker, so none is left behind.
        gate.readLock().lock();
        try {
            if (closed) {
                f.completeExceptionally(new Unavailable("shutting down"));
            } else if (!queue.offer(new Pending(input, f))) {
                f.completeExceptionally(new Unavailable("too many inputs waiting for the database"));
            }
        } finally {
            gate.readLock().unlock();
        }
        return f;
    }

    /** Transactions committed and inputs in them so far (average batch size = inputs / commits). */
    public long[] counts() {
        return new long[] {commits.get(), committed.get()};
    }

    /**
     * The writer's time so far: wall-clock nanoseconds spent committing, and its CPU nanoseconds
     * (-1 where the JVM cannot tell). Busy close to elapsed time means the writer is the bottleneck.
     */
    public long[] writerTime() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(writer.threadId()) : -1;
        return new long[] {busyNanos.get(), cpu};
    }

    /** Inputs waiting for a commit (for logs and tests). */
    public int waiting() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping || !queue.isEmpty()) {
            batch.clear();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                if (first == STOP) {
                    stopping = true;
                } else {
                    batch.add(first);
                }
            } catch (InterruptedException e) {
                stopping = true; // finish what is queued, then end
            }
            Pending p;
            while (batch.size() < maxBatch && (p = queue.poll()) != null) {
                if (p == STOP) stopping = true;
                else batch.add(p);
            }
            if (!batch.isEmpty()) {
                long t0 = System.nanoTime();
                commit(batch);
                busyNanos.addAndGet(System.nanoTime() - t0);
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<PreparedInput> inputs = new ArrayList<>(batch.size());
        for (Pending p : batch) inputs.add(p.input());
        try {
            List<IngestOutcome> outcomes = ingest.commit(inputs);
            commits.incrementAndGet();
            committed.addAndGet(inputs.size());
            for (int i = 0; i < batch.size(); i++) batch.get(i).result().complete(outcomes.get(i));
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One bad input must not fail its neighbours: try each alone. When the database is down
            // each attempt fails fast and every sender gets the error (HTTP 503, try later).
            log.warn("event=group-commit-failed inputs={} error=\"{}\"; committing one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                try {
                    p.result().complete(ingest.commit(List.of(p.input())).get(0));
                } catch (SQLException | RuntimeException single) {
                    p.result().completeExceptionally(single);
                }
            }
        }
    }

    /** Refuses new inputs, commits everything already queued, and waits for the writer to end. */
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
            queue.put(STOP);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
