package org.tlsrpthub.hub.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for network receivers: inputs prepared on many connection threads are written by
 * one writer thread, as many as are waiting in one transaction. Each caller blocks until the
 * transaction holding its input has committed, so a receiver can still acknowledge (SMTP 250,
 * HTTP 200, IMAP move) only what is durable. One commit per message caps SQLite at a few thousand
 * a second; sharing commits between concurrent sessions is what lifts that cap.
 */
public final class GroupCommit implements AutoCloseable {
    private static final int DEFAULT_MAX_BATCH = 500;

    private final IngestService ingest;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private record Pending(PreparedInput input, CompletableFuture<IngestOutcome> done) {}

    public GroupCommit(IngestService ingest) {
        this(ingest, DEFAULT_MAX_BATCH);
    }

    public GroupCommit(IngestService ingest, int maxBatch) {
        this.ingest = ingest;
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("group-commit").daemon(true).start(this::run);
    }

    /** Writes the input in the next group transaction. Throws SQLException when that transaction failed. */
    public IngestOutcome commit(PreparedInput input) throws SQLException, InterruptedException {
        if (closed) throw new SQLException("the store is shutting down");
        Pending p = new Pending(input, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) throw s;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new SQLException("commit failed", e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (closed) break;
            } finally {
                batch.clear();
            }
        }
        // Anything still queued after close is refused rather than left hanging.
        for (Pending p; (p = queue.poll()) != null; ) p.done.completeExceptionally(new SQLException("the store is shutting down"));
    }

    private void write(List<Pending> batch) {
        try {
            List<IngestOutcome> outcomes = ingest.commit(batch.stream().map(Pending::input).toList());
            for (int i = 0; i < batch.size(); i++) batch.get(i).done.complete(outcomes.get(i));
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(e);
                return;
            }
            // One bad input must not fail its neighbours: try each alone (when the database is
            // down, each fails fast and every caller gets its own temporary failure).
            for (Pending p : batch) write(List.of(p));
        }
    }

    /** Finishes what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
