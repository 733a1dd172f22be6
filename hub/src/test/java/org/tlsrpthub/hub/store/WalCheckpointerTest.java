package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;

/** Checkpoints run beside the writer, keep the log bounded under sustained writes, and empty it when writing stops. */
class WalCheckpointerTest {
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void commitsLeaveCheckpointsToTheCheckpointerWhichBoundsTheLogAndEmptiesItWhenIdle() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        new ReportFiles(new ReportGenerator(7, LocalDate.of(2025, 3, 1)), true).forEach(30, 10, 20, (n, b) -> bodies.add(b));

        // Control: the same writes with a checkpointer that never gets to run keep every page in the log.
        Path unchecked = dir.resolve("unchecked");
        long uncheckedLog;
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(unchecked), NEVER, 200)) {
            long automatic = db.withConnection(c -> single(c, "PRAGMA wal_autocheckpoint"));
            assertThat(automatic).as("commits never checkpoint").isZero();
            Written w = write(db, bodies, unchecked);
            uncheckedLog = w.largestLog();
            assertThat(w.restarts()).isZero();
        }

        Path checked = dir.resolve("checked");
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(checked), Duration.ofMillis(20), 200)) {
            Written w = write(db, bodies, checked);
            assertThat(w.restarts()).as("log restarted from its start while writing").isGreaterThanOrEqualTo(1);
            assertThat(w.largestLog()).isLessThan(uncheckedLog);

            Path wal = checked.resolve(DatabaseLocation.SQLITE_FILE + "-wal");
            // waits on the condition; the guard only keeps a broken checkpointer from hanging the build
            long guard = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (Files.size(wal) > 0 && System.nanoTime() < guard) Thread.sleep(20);
            assertThat(Files.size(wal)).as("log truncated once writing stopped").isZero();
            long stored = db.withConnection(c -> single(c, "SELECT count(*) FROM report"));
            assertThat(stored).isEqualTo(bodies.size());
            String integrity = db.withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(integrity).isEqualTo("ok");
        }
    }

    private record Written(long largestLog, long restarts) {}

    /**
     * Commits the bodies ten at a time; returns the largest size the log file reached and how often
     * it restarted, sampled after each commit (an idle checkpointer may truncate it before the end).
     */
    private static Written write(Database db, List<byte[]> bodies, Path dataDir) throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        Path wal = dataDir.resolve(DatabaseLocation.SQLITE_FILE + "-wal");
        List<PreparedInput> batch = new ArrayList<>();
        long largest = 0;
        long restarts = 0;
        for (byte[] body : bodies) {
            batch.add(ingest.prepare(body, new Provenance(Channel.HTTPS, Instant.now(), "test", null, null)));
            if (batch.size() == 10) {
                ingest.commit(batch);
                batch.clear();
                largest = Math.max(largest, Files.size(wal));
                restarts = Math.max(restarts, restarts(wal));
            }
        }
        return new Written(largest, restarts);
    }

    // The log header's checkpoint sequence number (bytes 12-15, big-endian) counts its restarts;
    // a log truncated to nothing has no header yet.
    private static long restarts(Path wal) throws java.io.IOException {
        byte[] log = Files.readAllBytes(wal);
        return log.length < 16 ? 0 : java.nio.ByteBuffer.wrap(log, 12, 4).getInt() & 0xffffffffL;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
