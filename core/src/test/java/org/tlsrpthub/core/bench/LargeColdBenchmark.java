package org.tlsrpthub.core.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tlsrpthub.core.payload.PayloadReader;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * The 20,000-detail report parsed once in a fresh JVM: class loading, interpreter and JIT warm-up
 * included, which is what a one-off import sees. Its own class so that no other setup parses first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LargeColdBenchmark {
    private byte[] large;

    @Setup
    public void setUp() {
        large = SampleReports.gzip(SampleReports.withDetails(ParseBenchmark.LARGE_DETAILS));
    }

    @Benchmark
    public List<ParsedReport> largeFullCold() throws Exception {
        return new PayloadReader().read(large, "bench");
    }
}
