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
    private static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final IngestService ingest;
    private final Clock clock;
    private final int batchSize;
    private final int workers;

    public ImportRunner(IngestService ingest, Clock clock, int batchSize, int workers) {
        this.ingest = ingest;
        this.clock = clock;
        this.batchSize = batchSize;
        this.workers = workers;
    }

    public ImportRunner(IngestService ingest, Clock clock) {
        this(ingest, clock, 1000, Math.max(1, Runtime.getRuntime().availableProcessors()));
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
        BlockingQueue<CompletableFuture<PreparedInput>> queue = new ArrayBlockingQueue<>(batchSize * 3);
        Writer writer = new Writer(queue, summary, progress);
        Thread writerThread = new Thread(writer, "import-writer");
        writerThread.start();
        try {
            source.accept(in -> {
                if (writer.failure != null) throw new WriterFailed();
                if (!in.readable()) {
                    summary.unreadable(in.origin(), in.error());
                    return;
                }
                Provenance p = Provenance.file(in.origin(), clock.instant());
                try {
                    queue.put(CompletableFuture.supplyAsync(() -> ingest.prepare(in.bytes(), p), pool));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WriterFailed();
                }
            });
        } catch (WriterFailed ignored) {
            // the writer's own failure is reported below
        } finally {
            queue.put(Writer.END);
            writerThread.join();
            pool.shutdownNow();
        }
        if (writer.failure != null) throw writer.failure;
        return summary;
    }

    private static final class WriterFailed extends RuntimeException {
        WriterFailed() {
            super(null, null, false, false);
        }
    }

    /** Takes prepared inputs in order and commits them in batches. */
    private final class Writer implements Runnable {
        static final CompletableFuture<PreparedInput> END = new CompletableFuture<>();

        private final BlockingQueue<CompletableFuture<PreparedInput>> queue;
        private final ImportSummary summary;
        private final LongConsumer progress;
        volatile SQLException failure;
        private long written;

        Writer(BlockingQueue<CompletableFuture<PreparedInput>> queue, ImportSummary summary, LongConsumer progress) {
            this.queue = queue;
            this.summary = summary;
            this.progress = progress;
        }

        @Override
        public void run() {
            List<PreparedInput> batch = new ArrayList<>(batchSize);
            long bytes = 0;
            try {
                while (true) {
                    CompletableFuture<PreparedInput> next = queue.take();
                    if (next == END) break;
                    if (failure != null) continue; // drain so the reader never blocks
                    PreparedInput in = next.join();
                    batch.add(in);
                    bytes += in.raw().gzip().length + in.raw().bytes().length;
                    if (batch.size() >= batchSize || bytes >= MAX_BATCH_BYTES) {
                        flush(batch);
                        bytes = 0;
                    }
                }
                if (failure == null) flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                failure = e;
                drain();
            }
        }

        private void drain() {
            try {
                while (queue.take() != END) {
                    // the reader stops at its next input; keep taking until it says it has
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
            summary.wrote(System.nanoTime() - t0, CPU.getCurrentThreadCpuTime() - cpu0);
            for (IngestOutcome o : outcomes) summary.add(o);
            written += batch.size();
            batch.clear();
            progress.accept(written);
        }
    }
}
