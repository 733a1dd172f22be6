package org.tlsrpthub.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.importer.ImportRunner;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.intake.MailReceivers;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.ImapServer;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.SmtpClient;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.testsupport.StoreConsistency;

/**
 * Another writer holds the database's write lock longer than the hub waits for it. Every path must
 * then fail without acknowledging, store nothing of the input, and - once the lock is free - store
 * the next inputs whole on the same pooled connections (a connection left half-way by the failure
 * used to commit the next input statement by statement and then report failure).
 */
public abstract class HeldWriteLockContract {
    @TempDir
    protected Path dir;
    protected Database db;

    /** A JDBC URL of an empty database on which a writer waits only a short time for a lock. */
    protected abstract String impatientDatabaseUrl() throws Exception;

    /** Holds the write lock from another connection until closed. */
    protected abstract AutoCloseable holdWriteLock() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(impatientDatabaseUrl());
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void https() throws Exception {
        try (Hub hub = hub(Map.of())) {
            URI url = hub.http().reportUrl();
            try (AutoCloseable lock = holdWriteLock()) {
                assertThat(post(url, "a").statusCode()).as("not acknowledged while locked").isEqualTo(503);
            }
            assertNothingStoredAndConsistent();
            assertThat(post(url, "a").statusCode()).isEqualTo(200);
            assertThat(post(url, "b").statusCode()).isEqualTo(200);
        }
        assertStoredWhole(2);
    }

    @Test
    void smtp() throws Exception {
        int port = freePort();
        try (Hub hub = hub(Map.of("smtp.enabled", "true", "smtp.bind", "127.0.0.1", "smtp.port", String.valueOf(port),
                "smtp.recipients", "*"))) {
            SmtpClient client = new SmtpClient(port);
            try (AutoCloseable lock = holdWriteLock()) {
                assertThatThrownBy(() -> client.send(ReportMail.from("a.example", "a"), "tlsrpt@hub.example"))
                        .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(SmtpClient.replyCode(e)).isEqualTo(451));
            }
            assertNothingStoredAndConsistent();
            client.send(ReportMail.from("a.example", "a"), "tlsrpt@hub.example");
            client.send(ReportMail.from("a.example", "b"), "tlsrpt@hub.example");
        }
        assertStoredWhole(2);
    }

    @Test
    void imap() throws Exception {
        try (ImapServer imap = new ImapServer()) {
            Map<String, String> settings = new HashMap<>(Map.of("imap.test.archive-folder", "Archive"));
            settings.putAll(baseSettings());
            Settings s = imap.settings(dir, settings);
            try (AutoCloseable lock = holdWriteLock(); Hub hub = new Hub(s, db, Clock.systemUTC(), MailReceivers::from).start()) {
                imap.deliver(ReportMail.from("a.example", "a"));
                awaitFailure(hub);
                hub.close();
                assertThat(imap.count("INBOX")).as("left in the mailbox").isEqualTo(1);
            }
            assertNothingStoredAndConsistent();
            try (Hub hub = new Hub(s, db, Clock.systemUTC(), MailReceivers::from).start()) {
                imap.deliver(ReportMail.from("a.example", "b"));
                await(() -> imap.count("Archive") == 2);
            }
        }
        assertStoredWhole(2);
    }

    @Test
    void maildir() throws Exception {
        Path maildir = dir.resolve("Maildir");
        Files.createDirectories(maildir.resolve("new"));
        Map<String, String> settings = Map.of("maildir.path", maildir.toString(), "maildir.rescan-seconds", "1");
        Files.write(maildir.resolve("new").resolve("1.M1.test"), ReportMail.from("a.example", "a"));
        try (AutoCloseable lock = holdWriteLock(); Hub hub = hub(settings)) {
            awaitFailure(hub);
            hub.close();
            assertThat(maildir.resolve("new").resolve("1.M1.test")).as("left in new/").exists();
        }
        assertNothingStoredAndConsistent();
        try (Hub hub = hub(settings)) {
            Files.write(maildir.resolve("new").resolve("2.M2.test"), ReportMail.from("a.example", "b"));
            await(() -> count("SELECT count(*) FROM report") == 2);
        }
        assertStoredWhole(2);
    }

    @Test
    void fileImport() throws Exception {
        Path files = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(files.resolve("a.json"), ReportMail.json("a.example", "a"));
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        try (AutoCloseable lock = holdWriteLock()) {
            assertThatThrownBy(() -> new ImportRunner(ingest, Clock.systemUTC()).run(List.of(files), n -> { }))
                    .isInstanceOf(SQLException.class);
        }
        assertNothingStoredAndConsistent();
        Files.writeString(files.resolve("b.json"), ReportMail.json("a.example", "b"));
        assertThat(new ImportRunner(ingest, Clock.systemUTC()).run(List.of(files), n -> { }).stored()).isEqualTo(2);
        assertStoredWhole(2);
    }

    @Test
    void reprocess() throws Exception {
        // Inputs a broken parser quarantined wait for reprocessing, which then finds the lock held.
        IngestService broken = new IngestService(db, (raw, source) -> { throw new IllegalStateException("bug"); }, Clock.systemUTC());
        for (String id : List.of("a", "b")) {
            byte[] json = ReportMail.json("a.example", id).getBytes(StandardCharsets.UTF_8);
            assertThat(broken.ingest(json, Provenance.file(id + ".json", Instant.now())).status()).isEqualTo(IngestStatus.QUARANTINED);
        }
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        long quarantined = Sql.rows(db, "SELECT id FROM raw_input ORDER BY id").stream().mapToLong(r -> ((Number) r.get(0)).longValue()).min().orElseThrow();
        try (AutoCloseable lock = holdWriteLock()) {
            assertThatThrownBy(() -> new ReprocessService(db, ingest).reprocessOne(quarantined, Actor.system())).isInstanceOf(SQLException.class);
        }
        assertThat(count("SELECT count(*) FROM report")).isZero();
        assertThat(count("SELECT count(*) FROM quarantine")).isEqualTo(2);
        StoreConsistency.assertConsistent(db);
        assertThat(new ReprocessService(db, ingest).reprocessOne(quarantined, Actor.system())).isPresent();
        assertThat(new ReprocessService(db, ingest).run(false, Actor.system()).released()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM quarantine")).isZero();
        assertThat(count("SELECT count(*) FROM report")).isEqualTo(2);
        StoreConsistency.assertConsistent(db);
    }

    private Hub hub(Map<String, String> extra) throws Exception {
        Map<String, String> all = new HashMap<>(baseSettings());
        all.putAll(extra);
        return new Hub(Settings.of(all), db, Clock.systemUTC(), MailReceivers::from).start();
    }

    private static Map<String, String> baseSettings() {
        return Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0", "dkim.policy", "off");
    }

    private static HttpResponse<String> post(URI url, String reportId) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(url).header("Content-Type", "application/tlsrpt+json")
                .POST(HttpRequest.BodyPublishers.ofString(ReportMail.json("a.example", reportId))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the hub's committer failed an input (the receiver then leaves it where it is). */
    private static void awaitFailure(Hub hub) throws Exception {
        await(() -> hub.committer().failures() > 0);
    }

    private static void await(Check condition) throws Exception {
        while (!condition.holds()) Thread.sleep(20);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private long count(String sql) throws SQLException {
        return Sql.count(db, sql);
    }

    private void assertNothingStoredAndConsistent() throws SQLException {
        assertThat(count("SELECT count(*) FROM raw_input")).as("nothing of an unacknowledged input").isZero();
        assertThat(count("SELECT count(*) FROM report")).isZero();
        StoreConsistency.assertConsistent(db);
    }

    private void assertStoredWhole(long reports) throws SQLException {
        assertThat(count("SELECT count(*) FROM report")).isEqualTo(reports);
        assertThat(count("SELECT count(*) FROM raw_input")).isEqualTo(reports);
        assertThat(count("SELECT count(*) FROM report_sighting")).isZero();
        StoreConsistency.assertConsistent(db);
    }
}
