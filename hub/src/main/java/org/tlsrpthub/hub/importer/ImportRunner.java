package org.tlsrpthub.hub.importer;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Provenance;

/**
 * Imports many inputs fast and durably: files are read on the calling thread, decoded, hashed and
 * compressed on worker threads, and written by one writer in transactions of up to
 * {@code batchSize} inputs, in the order found. A crash loses at most the open transaction, and
 * importing again completes the store (every write is idempotent).
 */
public final class ImportRunner {
    /**
     * Inputs per transaction. Larger batches dirty each index page once for more rows (SQLite writes
     * whole pages to the WAL per commit): 5,000 took a third less writer CPU than 1,000.
     */
    public static final int DEFAULT_BATCH = 5000;
    private static final int MAX_BATCH_BYTES = 32 * 1024 * 1024;
    /** Input bytes (in KiB) read but not yet written: memory stays bounded whatever the file sizes. */
    private static final int IN_FLIGHT_KIB = 256 * 1024;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final IngestService ingest;
    private final Clock clock;
    private final int batchSize;
    private final int workers;
    private final int writers;

    /**
     * @param workers threads decoding, hashing and compressing
     * @param writers threads writing batches in parallel transactions: 1 for SQLite (one writer
     *                at a time anyway); more helps PostgreSQL, where deduplication by unique
     *                constraint keeps concurrent batches correct
     */
    public ImportRunner(IngestService ingest, Clock clock, int batchSize, int workers, int writers) {
        this.ingest = ingest;
        this.clock = clock;
        this.batchSize = batchSize;
        this.workers = workers;
        this.writers = writers;
    }

    public ImportRunner(IngestService ingest, Clock clock, int batchSize, int workers) {
        this(ingest, clock, batchSize, workers, 1);
    }

    public ImportRunner(IngestService ingest, Clock clock) {
        this(ingest, clock, DEFAULT_BATCH, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Imports everything under {@code paths}; {@code progress} gets the number of inputs written so far. */
    public ImportSummary run(List<Path> paths, LongConsumer progress) throws SQLException, InterruptedException {
        return run(sink -> InputWalker.walk(paths, sink), progress);
    }

    /** Imports the inputs that {@code source} hands to its argument, in that order. */
    public ImportSummary run(Consumer<Consumer<InputFile>> source, LongConsumer progress)
            throws SQLException, InterruptedException {
        ImportSummary summary = new ImportSummary();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "import-prepare");
            t.setDaemon(true);
            return t;
        });
        // Bounded: reading runs ahead of writing by a few batches at most, whatever the input size.
        BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(batchSize * 3);
        Shared shared = new Shared(summary, progress);
        List<Thread> writerThreads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(new Writer(queue, shared), "import-writer-" + i);
            t.start();
            writerThreads.add(t);
        }
        try {
            source.accept(in -> {
                if (shared.failure != null) throw new WriterFailed();
                if (!in.readable()) {
                    summary.unreadable(in.origin(), in.error());
                    return;
                }
                Provenance p = Provenance.file(in.origin(), clock.instant());
                try {
                    int cost = Pending.cost(in.bytes().length);
                    shared.inFlight.acquire(cost);
                    queue.put(new Pending(CompletableFuture.supplyAsync(() -> ingest.prepare(in.bytes(), p), pool), cost));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WriterFailed();
                }
            });
        } catch (WriterFailed ignored) {
            // the writer's own failure is reported below
        } finally {
            for (int i = 0; i < writers; i++) queue.put(Writer.END); // one for each writer
            for (Thread t : writerThreads) t.join();
            pool.shutdownNow();
        }
        if (shared.failure != null) throw shared.failure;
        return summary;
    }

    private static final class WriterFailed extends RuntimeException {
        WriterFailed() {
            super(null, null, false, false);
        }
    }

    /** An input being prepared, with its share of the in-flight memory budget. */
    private record Pending(CompletableFuture<PreparedInput> prepared, int cost) {
        static final Pending END = new Pending(new CompletableFuture<>(), 0);

        /**
         * Capped at a quarter of the budget: each writer's unflushed batch holds less than
         * MAX_BATCH_BYTES plus 1 KiB per input, so a capped input always fits once the queue drains.
         */
        static int cost(int bytes) {
            return Math.min(IN_FLIGHT_KIB / 4, 1 + bytes / 1024);
        }
    }

    /** What the writers share: the summary, the progress count, the memory budget and the first failure. */
    private static final class Shared {
        final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT_KIB);
        final ImportSummary summary;
        final LongConsumer progress;
        final AtomicLong written = new AtomicLong();
        volatile SQLException failure;

        Shared(ImportSummary summary, LongConsumer progress) {
            this.summary = summary;
            this.progress = progress;
        }

        synchronized void fail(SQLException e) {
            if (failure == null) failure = e;
        }

        synchronized void wrote(int n) {
            progress.accept(written.addAndGet(n));
        }
    }

    /** Takes prepared inputs in order and commits them in batches. */
    private final class Writer implements Runnable {
        static final Pending END = Pending.END;

        private final BlockingQueue<Pending> queue;
        private final Shared shared;
        private int batchCost;

        Writer(BlockingQueue<Pending> queue, Shared shared) {
            this.queue = queue;
            this.shared = shared;
        }

        @Override
        public void run() {
            List<PreparedInput> batch = new ArrayList<>(batchSize);
            long bytes = 0;
            boolean ended = false; // this writer's END taken: a failure now has nothing left to drain
            try {
                while (true) {
                    Pending next = queue.take();
                    if (next == END) {
                        ended = true;
                        break;
                    }
                    if (shared.failure != null) { // drain so the reader never blocks
                        shared.inFlight.release(next.cost());
                        continue;
                    }
                    PreparedInput in = next.prepared().join();
                    batch.add(in);
                    batchCost += next.cost();
                    bytes += in.raw().gzip().length + in.raw().bytes().length;
                    if (batch.size() >= batchSize || bytes >= MAX_BATCH_BYTES) {
                        flush(batch);
                        bytes = 0;
                    }
                }
                if (shared.failure == null) flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                shared.fail(e);
                shared.inFlight.release(batchCost);
                if (!ended) drain();
            } catch (RuntimeException e) {
                // A bug must end the import with an error, not leave the reader blocked on a full queue.
                shared.fail(new SQLException("the import writer failed: " + e, e));
                shared.inFlight.release(batchCost);
                if (!ended) drain();
            }
        }

        private void drain() {
            try {
                for (Pending p = queue.take(); p != END; p = queue.take()) {
                    // the reader stops at its next input; keep taking until this writer's END
                    shared.inFlight.release(p.cost());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void flush(List<PreparedInput> batch) throws SQLException {
            if (batch.isEmpty()) return;
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            List<IngestOutcome> outcomes = ingest.commit(batch);
            shared.summary.wrote(System.nanoTime() - t0, CPU.getCurrentThreadCpuTime() - cpu0);
            for (IngestOutcome o : outcomes) shared.summary.add(o);
            shared.wrote(batch.size());
            batch.clear();
            shared.inFlight.release(batchCost);
            batchCost = 0;
        }
    }
}
