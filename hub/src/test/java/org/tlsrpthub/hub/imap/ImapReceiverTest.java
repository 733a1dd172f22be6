package org.tlsrpthub.hub.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.CorpusMail;
import org.tlsrpthub.hub.testsupport.ImapServer;
import org.tlsrpthub.hub.testsupport.LogLines;
import org.tlsrpthub.hub.testsupport.MailStore;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Await;

/** The IMAP poller against a real GreenMail server on loopback, into a real SQLite store. */
class ImapReceiverTest {
    private static final Map<String, String> FOLDERS = Map.of("imap.test.archive-folder", "Archive",
            "imap.test.quarantine-folder", "Quarantine");

    @TempDir
    Path dir;
    MailStore store;
    ImapServer server;
    ImapReceiver receiver;

    @BeforeEach
    void start() {
        store = new MailStore(dir.resolve("data"));
        server = new ImapServer();
    }

    @AfterEach
    void stop() {
        if (receiver != null) receiver.close();
        server.close();
        store.close();
    }

    private void startReceiver(Settings s) {
        receiver = new ImapReceiver(ImapSettings.from(s), store.intake, Clock.systemUTC(),
                new org.tlsrpthub.hub.alerts.ReceiverFailures(store.db, Clock.systemUTC(), "test"));
        receiver.start();
    }

    @Test
    void everyCorpusEmailInTheMailboxIsStoredWithTheRightTotalsAndArchived() throws Exception {
        List<Path> emails = CorpusMail.emails();
        for (Path p : emails) server.deliver(CorpusMail.read(p));
        startReceiver(server.settings(dir, FOLDERS));

        Await.until(() -> server.count("Archive") == emails.size());
        assertThat(server.count("INBOX")).isZero();
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE channel = 'imap' AND origin LIKE 'imap://tlsrpt@127.0.0.1/INBOX;uid=%'"))
                .isEqualTo(emails.size());
    }

    @Test
    void aMessageThatFailsToParseGoesToTheQuarantineFolderAfterTheStoreQuarantinedIt() throws Exception {
        server.deliver("From: a@b.example\r\nSubject: hello\r\nMessage-ID: <q@x.example>\r\n\r\nno report here\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        server.deliver(CorpusMail.read(CorpusMail.emails().get(0)));
        startReceiver(server.settings(dir, FOLDERS));

        Await.until(() -> server.count("Quarantine") == 1 && server.count("Archive") == 1);
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE status = 'quarantined' AND message_id = '<q@x.example>'"))
                .isEqualTo(1);
    }

    @Test
    void withoutAnArchiveFolderMessagesAreFlaggedAndNotTakenTwice() throws Exception {
        List<Path> emails = CorpusMail.emails().subList(0, 3);
        for (Path p : emails) server.deliver(CorpusMail.read(p));
        startReceiver(server.settings(dir, Map.of()));

        Await.until(() -> server.countFlagged("INBOX", ImapMailboxSettings.PROCESSED_KEYWORD) == 3);
        assertThat(server.count("INBOX")).as("nothing is moved or deleted").isEqualTo(3);
        long sweeps = receiver.sweeps();
        Await.until(() -> receiver.sweeps() >= sweeps + 2); // two more poll rounds
        assertThat(store.count("SELECT count(*) FROM report_sighting")).as("flagged messages are not read again").isZero();
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
    }

    @Test
    void aCrashBetweenCommitAndMoveReprocessesTheMessageAsADuplicateNotALoss() throws Exception {
        byte[] mail = CorpusMail.read(CorpusMail.emails().get(0));
        server.deliver(mail);
        // The first run committed the message and "crashed" before the move: the store has it, the inbox still does.
        var first = store.intake.deliver(mail, new Provenance(Channel.IMAP, java.time.Instant.now(), "first run", null, null));
        assertThat(first.outcome().status()).isEqualTo(IngestStatus.STORED);
        long reports = store.count("SELECT count(*) FROM report");

        startReceiver(server.settings(dir, FOLDERS)); // the restart
        Await.until(() -> server.count("Archive") == 1);
        assertThat(server.count("INBOX")).isZero();
        assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(reports);
        assertThat(store.count("SELECT count(*) FROM report_sighting")).as("the second reading is a sighting").isEqualTo(reports);
    }

    @Test
    void storageDownLeavesTheMessageInPlaceUntilItCanBeStored() throws Exception {
        List<Path> emails = CorpusMail.emails().subList(0, 2);
        store.breakStorage();
        for (Path p : emails) server.deliver(CorpusMail.read(p));
        startReceiver(server.settings(dir, FOLDERS));
        Await.until(() -> receiver.sweeps() >= 2); // two rounds that found the storage down
        assertThat(server.count("INBOX")).isEqualTo(2);
        assertThat(server.count("Archive")).isLessThanOrEqualTo(0);

        store.repairStorage();
        Await.until(() -> server.count("Archive") == 2);
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
    }

    @Test
    void aMessageWhoseStoreFailsStaysUnseenAndEachMessageGetsOneLogLine() throws Exception {
        store.breakStorage();
        server.deliver(ReportMail.from("example.com", "peek-1"));
        try (LogLines log = new LogLines(MailboxPoller.class)) {
            startReceiver(server.settings(dir, FOLDERS));
            Await.until(() -> log.any("left in place"));
            // Read with BODY.PEEK: the failed attempt leaves no \Seen behind.
            assertThat(server.count("INBOX")).isEqualTo(1);
            assertThat(server.countSeen("INBOX")).isZero();

            receiver.close(); // no attempt in flight while the table comes back
            store.repairStorage();
            startReceiver(server.settings(dir, FOLDERS));
            Await.until(() -> server.count("Archive") == 1 && log.any("outcome=stored")); // logged after the move
            assertThat(log.all()).filteredOn(l -> l.contains("outcome=stored")).singleElement().asString()
                    .contains("message-id=\"<peek-1@example.com>\"", "from=\"tlsrpt@example.com\"",
                            "reports=\"example.com/peek-1\"");
        }
    }

    @Test
    void aFailingMailboxIsRecordedForTheIntakeRuleAndCleared() throws Exception {
        java.nio.file.Path wrong = java.nio.file.Files.writeString(dir.resolve("wrong-password"), "not the password\n");
        startReceiver(server.settings(dir, Map.of("imap.test.password-file", wrong.toString())));
        Await.until(() -> org.tlsrpthub.hub.testsupport.Sql.count(store.db,
                "SELECT COUNT(*) FROM receiver_failure WHERE node = 'test' AND receiver = 'imap test'") == 1);
        assertThat(org.tlsrpthub.hub.testsupport.Sql.count(store.db, "SELECT COUNT(*) FROM receiver_failure WHERE last_error LIKE '%not the password%'"))
                .isZero();
        receiver.close();
        startReceiver(server.settings(dir, FOLDERS));
        Await.until(() -> org.tlsrpthub.hub.testsupport.Sql.count(store.db, "SELECT COUNT(*) FROM receiver_failure") == 0);
    }

    @Test
    void newMailIsTakenAtOnceWithIdle() throws Exception {
        // An hour between polls: only IDLE can explain a prompt pickup.
        startReceiver(server.settings(dir, Map.of("imap.test.poll-seconds", "3600", "imap.test.archive-folder", "Archive")));
        Await.until(() -> receiver.sweeps() >= 1); // connected, swept the empty inbox, now waiting
        server.deliver(CorpusMail.read(CorpusMail.emails().get(0)));
        Await.until(() -> server.count("Archive") == 1); // the next poll would be in an hour

    }

}
