package org.tlsrpthub.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.CorpusMail;
import org.tlsrpthub.hub.testsupport.SmtpClient;
import org.tlsrpthub.hub.testsupport.Sql;

/** The mail receivers wired into the hub as serve will run them: one group committer for all paths. */
class MailReceiversTest {
    @TempDir
    Path dir;

    @Test
    void theHubStartsTheConfiguredMailReceiversAndStopsThem() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path maildir = dir.resolve("Maildir");
        Settings settings = Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0",
                "smtp.enabled", "true", "smtp.bind", "127.0.0.1", "smtp.port", String.valueOf(port), "smtp.recipients", "tlsrpt@hub.example",
                "maildir.path", maildir.toString(), "maildir.rescan-seconds", "1", "dkim.policy", "off"));
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("data")))) {
            try (Hub hub = new Hub(settings, db, Clock.systemUTC(), MailReceivers::from).start()) {
                new SmtpClient(port).send(CorpusMail.read(CorpusMail.emails().get(0)), "tlsrpt@hub.example");
                Files.write(maildir.resolve("new").resolve("1.M1.test"), CorpusMail.read(CorpusMail.emails().get(1)));
                Await.until(() -> Sql.count(db, "SELECT count(*) FROM raw_input") >= 2);
            }
            assertThat(Sql.rows(db, "SELECT channel FROM raw_input ORDER BY id").stream().map(r -> r.get(0)).toList())
                    .containsExactlyInAnyOrder("smtp", "file");
        }
    }
}
