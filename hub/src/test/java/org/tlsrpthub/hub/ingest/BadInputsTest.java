package org.tlsrpthub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.InputReader;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;
import org.tlsrpthub.core.testsupport.Corpus;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Everything the parser refuses ends in quarantine with the parser's own kind and reason, and
 * nothing makes ingest throw: the core fuzz seeds, the shared corpus, and thousands of mutations
 * (bit flips, truncations, splices) of both.
 */
class BadInputsTest {
    @TempDir
    Path dir;
    Database db;
    IngestService ingest;
    final InputReader reader = new InputReader(Limits.DEFAULTS);

    @BeforeEach
    void open() {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyRefusedInputIsQuarantinedWithTheParsersReasonAndNothingThrows() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (Path root : List.of(Corpus.reportsDir(), Path.of("..", "core", "src", "test", "resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) seeds.add(Files.readAllBytes(f));
            }
        }
        assertThat(seeds).hasSizeGreaterThan(60);
        List<byte[]> inputs = new ArrayList<>(seeds);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 1500; i++) inputs.add(mutate(seeds.get(rnd.nextInt(seeds.size())), seeds.get(rnd.nextInt(seeds.size())), rnd));

        int quarantined = 0;
        for (int i = 0; i < inputs.size(); i++) {
            byte[] in = inputs.get(i);
            IngestOutcome out = ingest.ingest(in, Provenance.file("input-" + i, Instant.now()));
            ReportParseException expected = refusal(in);
            if (expected != null) {
                quarantined++;
                assertThat(out.status()).as("input %d", i).isEqualTo(IngestStatus.QUARANTINED);
                assertThat(out.kind()).as("input %d", i).isEqualTo(expected.kind().name());
                assertThat(out.reason()).as("input %d", i).isEqualTo(expected.reason());
            } else if (out.status() == IngestStatus.QUARANTINED) {
                // a mutation that still parses may keep a stored report's key with other content: held for review
                assertThat(out.kind()).as("input %d", i).isEqualTo(Quarantine.CONFLICT);
            } else {
                assertThat(out.status()).as("input %d", i).isIn(IngestStatus.STORED, IngestStatus.DUPLICATE);
            }
        }
        assertThat(quarantined).as("the mutations must exercise refusals").isGreaterThan(500);
        assertThat(Sql.count(db, "SELECT count(*) FROM quarantine")).isPositive();
        assertThat(Sql.count(db, "SELECT count(*) FROM quarantine WHERE kind = 'INTERNAL_ERROR'")).as("parser crashes").isZero();
        RollupCheck.assertRollupsMatchRawRows(db);
    }

    private ReportParseException refusal(byte[] in) {
        try {
            reader.read(in, "x");
            return null;
        } catch (ReportParseException e) {
            return e;
        }
    }

    private static byte[] mutate(byte[] a, byte[] b, SplittableRandom rnd) {
        byte[] out;
        switch (rnd.nextInt(4)) {
            case 0 -> { // flip a few bytes
                out = a.clone();
                for (int k = 0; k < 1 + rnd.nextInt(4) && out.length > 0; k++) out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> out = java.util.Arrays.copyOf(a, a.length == 0 ? 0 : rnd.nextInt(a.length)); // truncate
            case 2 -> { // splice the start of one input onto the end of another
                int cutA = a.length == 0 ? 0 : rnd.nextInt(a.length);
                int cutB = b.length == 0 ? 0 : rnd.nextInt(b.length);
                out = new byte[cutA + b.length - cutB];
                System.arraycopy(a, 0, out, 0, cutA);
                System.arraycopy(b, cutB, out, cutA, b.length - cutB);
            }
            default -> { // insert random bytes
                int at = a.length == 0 ? 0 : rnd.nextInt(a.length);
                byte[] noise = new byte[1 + rnd.nextInt(8)];
                rnd.nextBytes(noise);
                out = new byte[a.length + noise.length];
                System.arraycopy(a, 0, out, 0, at);
                System.arraycopy(noise, 0, out, at, noise.length);
                System.arraycopy(a, at, out, at + noise.length, a.length - at);
            }
        }
        return out;
    }
}
