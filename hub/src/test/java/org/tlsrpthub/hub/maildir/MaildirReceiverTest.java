package org.tlsrpthub.hub.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.CorpusMail;
import org.tlsrpthub.hub.testsupport.LogLines;
import org.tlsrpthub.hub.testsupport.MailStore;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Await;

/** The Maildir drop directory, delivered into as an MTA does (write in tmp/, rename into new/). */
class MaildirReceiverTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @TempDir
    Path dir;
    Path maildir;
    MailStore store;
    MaildirReceiver receiver;

    @BeforeEach
    void open() throws IOException {
        store = new MailStore(dir.resolve("data"));
        maildir = dir.resolve("Maildir");
        new Maildir(maildir).create();
    }

    @AfterEach
    void stop() {
        if (receiver != null) receiver.close();
        store.close();
    }

    private void startReceiver() throws IOException {
        receiver = new MaildirReceiver(MaildirSettings.from(Settings.of(Map.of("maildir.path", maildir.toString(),
                "maildir.rescan-seconds", "1"))), store.intake, Clock.systemUTC());
        receiver.start();
    }

    @Test
    void everyCorpusEmailDroppedIntoNewIsStoredAndMovedToCur() throws Exception {
        List<Path> emails = CorpusMail.emails();
        deliver(CorpusMail.read(emails.get(0))); // waiting before the start: found by the first scan
        startReceiver();
        for (Path p : emails.subList(1, emails.size())) deliver(CorpusMail.read(p));

        Await.until(() -> files("cur") == emails.size());
        assertThat(files("new")).isZero();
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
        try (Stream<Path> s = Files.list(maildir.resolve("cur"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(":2,S"));
        }
    }

    @Test
    void anUnparseableFileIsQuarantinedInTheStoreThenMovedAside() throws Exception {
        startReceiver();
        deliver("From: a@b.example\r\nMessage-ID: <m@x.example>\r\n\r\nnot a report\r\n".getBytes(StandardCharsets.US_ASCII));
        Await.until(() -> files(".Quarantine/cur") == 1);
        assertThat(store.count("SELECT count(*) FROM raw_input WHERE status = 'quarantined' AND origin LIKE 'maildir:%'"))
                .isEqualTo(1);
        assertThat(files("new")).isZero();
    }

    @Test
    void eachFileGetsOneLogLineWithItsMessageIdSenderOutcomeAndReports() throws Exception {
        try (LogLines log = new LogLines(MaildirReceiver.class)) {
            startReceiver();
            deliver(ReportMail.from("example.com", "maildir-1"));
            Await.until(() -> log.any("<maildir-1@example.com>"));
            Await.until(() -> files("cur") == 1);
            assertThat(log.all()).filteredOn(l -> l.contains("<maildir-1@example.com>")).singleElement().asString()
                    .contains("from=\"tlsrpt@example.com\"", "outcome=stored", "reports=\"example.com/maildir-1\"");
        }
    }

    @Test
    void aCrashBetweenCommitAndMoveIsReadAgainAsADuplicate() throws Exception {
        byte[] mail = CorpusMail.read(CorpusMail.emails().get(0));
        deliver(mail);
        store.intake.deliver(mail, new Provenance(Channel.FILE, Instant.now(), "first run", null, null));
        long reports = store.count("SELECT count(*) FROM report");

        startReceiver();
        Await.until(() -> files("cur") == 1);
        assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(reports);
        assertThat(store.count("SELECT count(*) FROM raw_input")).isEqualTo(1);
    }

    @Test
    void storageDownLeavesFilesInNewUntilTheRescanCanStoreThem() throws Exception {
        List<Path> emails = CorpusMail.emails().subList(0, 2);
        store.breakStorage();
        startReceiver();
        for (Path p : emails) deliver(CorpusMail.read(p));
        long scans = receiver.scans();
        Await.until(() -> receiver.scans() >= scans + 2); // at least one whole scan after both files arrived
        assertThat(files("new")).isEqualTo(2);

        store.repairStorage();
        Await.until(() -> files("cur") == 2);
        assertThat(store.totals()).isEqualTo(CorpusMail.expectedTotals(emails));
    }

    /** As an MTA delivers (RFC-less but universal Maildir practice): write into tmp/, then rename into new/. */
    private void deliver(byte[] mail) throws IOException {
        String name = System.currentTimeMillis() + ".M" + SEQ.incrementAndGet() + ".test";
        Path tmp = Files.write(maildir.resolve("tmp").resolve(name), mail);
        Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private long files(String sub) throws IOException {
        Path d = maildir.resolve(sub);
        if (!Files.isDirectory(d)) return 0;
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

}
