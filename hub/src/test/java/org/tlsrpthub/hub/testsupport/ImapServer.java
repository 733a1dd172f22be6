package org.tlsrpthub.hub.testsupport;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.tlsrpthub.hub.config.Settings;

/** A real IMAP server (GreenMail) on loopback with one mailbox, and a client view of its folders. */
public final class ImapServer implements AutoCloseable {
    public static final String USER = "tlsrpt";
    public static final String PASSWORD = "s3cret";

    private final GreenMail mail;
    private final GreenMailUser user;

    public ImapServer() {
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        user = mail.setUser("tlsrpt@hub.example", USER, PASSWORD);
    }

    public int port() {
        return mail.getImap().getPort();
    }

    public void deliver(byte[] raw) throws MessagingException {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /** Settings for mailbox "test" (password in a file, as operators are told to do). */
    public Settings settings(Path dir, Map<String, String> extra) throws Exception {
        Path pw = Files.writeString(dir.resolve("imap-password"), PASSWORD + "\n");
        Map<String, String> m = new HashMap<>(Map.of("imap.test.host", "127.0.0.1", "imap.test.port", String.valueOf(port()),
                "imap.test.tls", "none", "imap.test.user", USER, "imap.test.password-file", pw.toString(),
                "imap.test.poll-seconds", "1"));
        m.putAll(extra);
        return Settings.of(m);
    }

    /** Messages in a folder; -1 when it does not exist. */
    public int count(String folder) throws MessagingException {
        Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port(), USER, PASSWORD);
        try {
            Folder f = s.getFolder(folder);
            return f.exists() ? f.getMessageCount() : -1;
        } finally {
            s.close();
        }
    }

    /** Messages in a folder that are marked \Seen. */
    public int countSeen(String folder) throws MessagingException {
        return countWhere(folder, m -> m.isSet(jakarta.mail.Flags.Flag.SEEN));
    }

    /** Messages in a folder that carry a keyword. */
    public int countFlagged(String folder, String keyword) throws MessagingException {
        return countWhere(folder, m -> m.getFlags().contains(keyword));
    }

    private interface MessageTest {
        boolean test(jakarta.mail.Message m) throws MessagingException;
    }

    private int countWhere(String folder, MessageTest test) throws MessagingException {
        Store s = Session.getInstance(new Properties()).getStore("imap");
        s.connect("127.0.0.1", port(), USER, PASSWORD);
        try {
            Folder f = s.getFolder(folder);
            f.open(Folder.READ_ONLY);
            int n = 0;
            for (var m : f.getMessages()) if (test.test(m)) n++;
            f.close(false);
            return n;
        } finally {
            s.close();
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
