package org.tlsrpthub.core.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.ReportParseException;

/**
 * A gzip bomb (a 1 GiB stream of zeros, gzipped twice: a few KiB on the wire) is refused by a JVM
 * whose heap is capped at 256 MB, without running out of memory. Runs in a child JVM so the cap is real.
 */
class GzipBombTest {

    @Test
    void refusesADoublyGzippedGibibyteInASmallHeap(@TempDir Path dir) throws Exception {
        byte[] bomb = Packing.gzip(Packing.gzipOfZeros(1L << 30));
        assertThat(bomb.length).isLessThan(8 * 1024);
        Path file = dir.resolve("bomb.gz");
        Files.write(file, bomb);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReadOne.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(out).contains("LIMIT_EXCEEDED").contains("limit maxDecompressedBytes").doesNotContain("OutOfMemoryError");
        assertThat(child.exitValue()).isEqualTo(3);
    }

    /** The child: reads one file with the default limits and says how it ended. */
    public static final class ReadOne {
        public static void main(String[] args) throws Exception {
            long t0 = System.nanoTime();
            try {
                new PayloadReader().read(Files.readAllBytes(Path.of(args[0])), args[0]);
                System.out.println("ACCEPTED");
                System.exit(0);
            } catch (ReportParseException e) {
                System.out.println(e.kind() + " " + e.getMessage() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                System.exit(3);
            }
        }
    }
}
