package org.tlsrpthub.hub.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Benchmark warm-up until this JVM's JIT is quiet. The JIT compiles for 15-20 s of CPU after start
 * (Jetty, Jackson, SQLite JDBC, the hub) and again when the load's shape changes (concurrency, so
 * batch sizes); a run measured meanwhile comes out 20-45 % slower than the same run repeated. So
 * inputs are sent in chunks, at least {@code minChunks} of them, until a chunk passes with under
 * {@code quietMs} of compilation, or the pool runs out.
 */
public final class JitWarmup {
    public static final int CHUNK = 10_000;
    public static final int MIN_CHUNKS = 3;
    public static final long QUIET_MS = 100; // compilation time during one chunk (about a second)

    @FunctionalInterface
    public interface Sender {
        void send(List<byte[]> chunk) throws Exception;
    }

    /** What a warm-up did: inputs sent, and the compilation time of its last chunk (-1: none sent). */
    public record Result(int sent, long lastChunkJitMs) {
        @Override
        public String toString() {
            String state = lastChunkJitMs < 0 ? " (none left)" : lastChunkJitMs < QUIET_MS ? ", JIT quiet"
                    : ", JIT still compiling (" + lastChunkJitMs + " ms in the last chunk)";
            return String.format("%,d sent", sent) + state;
        }
    }

    private JitWarmup() {}

    public static Result run(List<byte[]> pool, Sender sender) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        int sent = 0;
        long jitMs = -1;
        while (sent < pool.size()) {
            int chunk = Math.min(CHUNK, pool.size() - sent);
            long jit0 = jit.getTotalCompilationTime();
            sender.send(pool.subList(sent, sent + chunk));
            sent += chunk;
            jitMs = jit.getTotalCompilationTime() - jit0;
            if (jitMs < QUIET_MS && sent >= MIN_CHUNKS * CHUNK) break;
        }
        return new Result(sent, jitMs);
    }
}
