package org.tlsrpthub.hub.smtp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.testsupport.MailStore;

/** A real SMTP listener on loopback over a real SQLite store in a temp dir, one per test. */
abstract class ListenerFixture {
    @TempDir
    Path dir;
    MailStore store;
    SmtpReceiver receiver;

    @BeforeEach
    void openStore() {
        store = new MailStore(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        if (receiver != null) receiver.close();
        store.close();
    }

    /** Starts the listener with {@code base} and then {@code extra}; returns its port. */
    int start(Map<String, String> base, Map<String, String> extra) {
        Settings s = Settings.of(base);
        for (var e : extra.entrySet()) s = s.with(e.getKey(), e.getValue());
        receiver = new SmtpReceiver(SmtpSettings.from(s), store.intake, store.junk(s), Clock.systemUTC());
        receiver.start();
        return receiver.port();
    }
}
