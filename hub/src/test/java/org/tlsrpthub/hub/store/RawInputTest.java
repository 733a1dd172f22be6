package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.tlsrpthub.core.payload.Packing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawInputTest {

    @Test
    void jsonIsCompressedAndComesBackExactly() {
        byte[] json = "{\"organization-name\":\"x\"}".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] archived = RawInput.gzip(json);
        assertThat(archived.length).isLessThan(json.length / 4);
        assertThat(RawInput.gunzip(archived)).isEqualTo(json);
    }

    @Test
    void gzipInputIsStoredNotCompressedAgain() throws Exception {
        byte[] gz = Packing.gzip(randomBytes(3_000, 1));
        byte[] archived = RawInput.gzip(gz);
        // header 10 + one stored block header 5 + the bytes + trailer 8
        assertThat(archived).hasSize(gz.length + 23);
        assertThat(RawInput.gunzip(archived)).isEqualTo(gz);
    }

    @Test
    void largeCompressedInputSpansSeveralStoredBlocks() throws Exception {
        byte[] gz = Packing.gzip(randomBytes(200_000, 2)); // random data: the gzip is larger than one 64 KiB block
        assertThat(gz.length).isGreaterThan(3 * 65_535);
        byte[] archived = RawInput.gzip(gz);
        assertThat(RawInput.gunzip(archived)).isEqualTo(gz);
    }

    @Test
    void zipInputAndEmptyInputComeBackExactly() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertThat(RawInput.gunzip(RawInput.gzip(zip))).isEqualTo(zip);
        assertThat(RawInput.gunzip(RawInput.gzip(new byte[0]))).isEmpty();
    }

    @Test
    void theSystemGzipToolReadsBothKindsOfArchive(@TempDir Path dir) throws Exception {
        byte[] gz = Packing.gzip(randomBytes(100_000, 3));
        byte[] json = "{\"report-id\":\"r\"}\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (byte[] input : new byte[][] {gz, json}) {
            Path file = dir.resolve("a.gz");
            Files.write(file, RawInput.gzip(input));
            Process p = new ProcessBuilder("gzip", "-dc", file.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            assertThat(out).isEqualTo(input);
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

}
