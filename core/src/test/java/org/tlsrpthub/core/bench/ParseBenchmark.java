package org.tlsrpthub.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.tlsrpthub.core.payload.PayloadReader;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * Gunzip + parse + validate, one thread. Run with {@code bin/bench-parse} (never by {@code mvn test}).
 * <ul>
 *   <li>{@code typicalFull}: {@link PayloadReader#read} of a gzipped ~2 KB Google- or Microsoft-shaped report,
 *       all validation and warnings included;</li>
 *   <li>{@code typicalBare}: the ceiling on the same inputs, {@link BareParser} (reused Inflater, plain records);</li>
 *   <li>{@code largeFull}: {@link PayloadReader#read} of one gzipped report with 20,000 failure details,
 *       steady state (the first call in a fresh JVM is {@link LargeColdBenchmark}).</li>
 * </ul>
 * Besides JMH's wall-clock figures, each measurement iteration records the benchmark thread's CPU
 * time per operation (to the file named by {@code -Dbench.cpu.file}): on a shared machine other
 * processes take wall-clock time from the benchmark, but not CPU time, so CPU-ns/op is the steadier
 * measure of reports per second per core.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    static final int VARIANTS = 512;
    static final int LARGE_DETAILS = 20_000;

    private final PayloadReader reader = new PayloadReader();
    private final BareParser bare = new BareParser();
    private byte[][] typical;
    private byte[] large;
    private int next;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long ops;
    private long cpuStart;

    @Setup
    public void setUp() throws Exception {
        typical = new byte[VARIANTS][];
        long jsonBytes = 0, gzipBytes = 0;
        for (int i = 0; i < VARIANTS; i++) {
            String json = SampleReports.typical(i);
            jsonBytes += json.length();
            typical[i] = SampleReports.gzip(json);
            gzipBytes += typical[i].length;
        }
        String largeJson = SampleReports.withDetails(LARGE_DETAILS);
        large = SampleReports.gzip(largeJson);
        System.out.printf("inputs: %d typical reports, on average %d bytes of JSON, %d gzipped; "
                        + "large report %d bytes of JSON, %d gzipped%n", VARIANTS, jsonBytes / VARIANTS,
                gzipBytes / VARIANTS, largeJson.length(), large.length);
        // the inputs must be what they claim to be: valid, and parsed the same by both paths
        for (byte[] gz : typical) {
            ParsedReport full = reader.read(gz, "bench").get(0);
            BareParser.Report b = bare.read(gz);
            if (!full.report().reportId().equals(b.id())
                    || full.report().policies().get(0).failureDetails().size() != b.policies().get(0).details().size()) {
                throw new IllegalStateException("the bare and the full parser disagree on " + b.id());
            }
        }
        if (reader.read(large, "bench").get(0).report().policies().get(0).failureDetails().size() != LARGE_DETAILS) {
            throw new IllegalStateException("the large report lost failure details");
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        ops = 0;
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Appends "benchmark cpu-ns/op" for a measurement iteration; read by {@link BenchSummary}. */
    @TearDown(Level.Iteration)
    public void endIteration(BenchmarkParams benchmark, IterationParams iteration) throws IOException {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        String file = System.getProperty("bench.cpu.file");
        if (file == null || iteration.getType() != IterationType.MEASUREMENT || ops == 0) return;
        String name = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
        Files.writeString(Path.of(file), String.format(Locale.ROOT, "%s %.1f%n", name, (double) cpu / ops),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private byte[] nextTypical() {
        ops++;
        byte[] b = typical[next];
        next = (next + 1) & (VARIANTS - 1);
        return b;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<ParsedReport> typicalFull() throws Exception {
        return reader.read(nextTypical(), "bench");
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public BareParser.Report typicalBare() throws Exception {
        return bare.read(nextTypical());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<ParsedReport> largeFull() throws Exception {
        ops++;
        return reader.read(large, "bench");
    }
}
