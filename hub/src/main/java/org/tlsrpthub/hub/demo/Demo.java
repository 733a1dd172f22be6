package org.tlsrpthub.hub.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.generate.DemoReports;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.SqliteTuning;
import org.tlsrpthub.hub.store.Provenance;

/**
 * {@code serve --demo}: a throwaway SQLite database filled with {@link DemoReports} up to yesterday,
 * and a demo user, so that a newcomer sees a living dashboard a minute after cloning.
 */
public final class Demo {
    public static final String USER = "demo";
    public static final String PASSWORD = "demo-password";
    private static final int BATCH = 500;

    private Demo() {}

    /**
     * The demo database in {@code dir}, recreated at every start so that its story always ends
     * yesterday (a database left from last week would show every domain as silent).
     */
    public static Database open(Path dir, SqliteTuning tuning) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(dir.resolve(DatabaseLocation.SQLITE_FILE + suffix));
        return Database.open(DatabaseLocation.sqliteUrl(dir, tuning));
    }

    /** Stores the demo reports through the normal ingest path, one broken input for the quarantine, and the demo user. */
    public static long fill(Database db, Clock clock) throws SQLException {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        ReportWriter writer = new ReportWriter();
        List<PreparedInput> batch = new ArrayList<>(BATCH);
        long[] n = {0};
        SQLException[] failure = {null};
        new DemoReports(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1), 42).forEach(report -> {
            if (failure[0] != null) return;
            String origin = "demo/" + report.reporterKey() + "/" + report.reportId() + ".json";
            batch.add(ingest.prepare(writer.write(report), new Provenance(Channel.HTTPS, clock.instant(), origin, null, null)));
            n[0]++;
            if (batch.size() == BATCH) failure[0] = flush(ingest, batch);
        });
        if (failure[0] == null) failure[0] = flush(ingest, batch);
        if (failure[0] != null) throw failure[0];
        // something for the quarantine page: a report cut off in transfer
        ingest.ingest("{\"organization-name\": \"Truncated Mail Co\", \"date-range\": {".getBytes(StandardCharsets.UTF_8),
                new Provenance(Channel.SMTP, clock.instant(), "198.51.100.7", "<cut-off@truncated.example>", "pass d=truncated.example"));
        AccessService access = new AccessService(db, clock);
        access.addUser(USER, PASSWORD.toCharArray(), true);
        return n[0];
    }

    private static SQLException flush(IngestService ingest, List<PreparedInput> batch) {
        if (batch.isEmpty()) return null;
        try {
            ingest.commit(batch);
            return null;
        } catch (SQLException e) {
            return e;
        } finally {
            batch.clear();
        }
    }
}
