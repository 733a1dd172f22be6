package org.tlsrpthub.hub.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.SmtpSession;

/**
 * The listener's defaults and limits against real sessions on loopback: a flooding client address
 * is refused (421 for connections, 451 for messages) while another address (127.0.0.2) is served.
 */
class SmtpLimitsTest extends ListenerFixture {
    private static final String RCPT = "tlsrpt@hub.example";
    private static final String FLOOD = "127.0.0.1";
    private static final String WELL_BEHAVED = "127.0.0.2";

    private int start(Map<String, String> extra) {
        return start(Map.of("smtp.port", "0", "smtp.recipients", RCPT), extra);
    }

    @Test
    void connectionsBeyondThePerAddressLimitGet421WhileAnotherAddressIsServed() throws Exception {
        int port = start(Map.of("smtp.max-connections-per-address", "3"));
        List<SmtpSession> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(new SmtpSession(port, FLOOD));
                assertThat(held.get(i).greeting).startsWith("220 ");
            }
            try (SmtpSession fourth = new SmtpSession(port, FLOOD)) {
                assertThat(fourth.greeting).startsWith("421 ");
            }
            try (SmtpSession other = new SmtpSession(port, WELL_BEHAVED)) {
                assertThat(other.greeting).startsWith("220 ");
                other.command("EHLO sender.example");
                assertThat(other.deliver("r@example.com", RCPT, ReportMail.from("example.com", "conn-1"))).startsWith("250 ");
            }
        } finally {
            for (SmtpSession s : held) s.close();
        }
        assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(1);
    }

    @Test
    void messagesBeyondThePerAddressRateGet451AtMailWhileAnotherAddressIsServed() throws Exception {
        // One message a minute after a burst of two: the third from the same address is refused.
        int port = start(Map.of("smtp.rate-limit.per-minute", "1", "smtp.rate-limit.burst", "2"));
        try (SmtpSession flood = new SmtpSession(port, FLOOD); SmtpSession other = new SmtpSession(port, WELL_BEHAVED)) {
            flood.command("EHLO flood.example");
            other.command("EHLO sender.example");
            assertThat(flood.deliver("a@example.com", RCPT, ReportMail.from("example.com", "rate-1"))).startsWith("250 ");
            assertThat(flood.deliver("a@example.com", RCPT, ReportMail.from("example.com", "rate-2"))).startsWith("250 ");
            assertThat(flood.deliver("a@example.com", RCPT, ReportMail.from("example.com", "rate-3")))
                    .startsWith("451 4.7.1 too many messages from 127.0.0.1");
            assertThat(other.deliver("b@example.com", RCPT, ReportMail.from("example.com", "rate-4"))).startsWith("250 ");
        }
        assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(3);
    }

    @Test
    void mailWithoutAReportBeyondTheJunkQuotaGets452WhileReportsAreStillTaken() throws Exception {
        int port = start(Map.of("quarantine.junk-max-inputs", "2"));
        try (SmtpSession s = new SmtpSession(port, FLOOD)) {
            s.command("EHLO flood.example");
            assertThat(s.deliver("spam@example.net", RCPT, plain("one"))).startsWith("250 ");
            assertThat(s.deliver("spam@example.net", RCPT, plain("two"))).startsWith("250 ");
            assertThat(s.deliver("spam@example.net", RCPT, plain("three"))).startsWith("452 4.2.2");
            assertThat(s.deliver("r@example.com", RCPT, ReportMail.from("example.com", "junk-ok"))).startsWith("250 ");
        }
        assertThat(store.count("SELECT count(*) FROM quarantine WHERE expires_at IS NOT NULL")).isEqualTo(2);
        assertThat(store.count("SELECT count(*) FROM report")).isEqualTo(1);
    }

    private static byte[] plain(String id) {
        return ("From: someone@example.net\r\nMessage-ID: <" + id + "@example.net>\r\nSubject: hello\r\n\r\nbuy now\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void withOnlyAPortTheListenerIsOnLoopbackAndNeedsItsRecipientsNamed() {
        SmtpSettings s = SmtpSettings.from(Settings.of(Map.of("smtp.port", "2525", "smtp.recipients", RCPT)));
        assertThat(s.bind()).isEqualTo(InetAddress.getLoopbackAddress());

        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> SmtpSettings.from(Settings.of(Map.of("smtp.port", "2525"))));
        assertThat(e).hasMessageStartingWith("smtp.recipients is not set").hasMessageContaining("or *");
    }

    @Test
    void aStarAcceptsEveryRecipientAndOnlyThen() throws Exception {
        assertThat(AcceptedRecipients.of(List.of("*")).accepts("postmaster@anything.example")).isTrue();
        int port = start(Map.of());
        try (SmtpSession s = new SmtpSession(port, FLOOD)) {
            s.command("EHLO sender.example");
            assertThat(s.command("MAIL FROM:<a@example.com>")).startsWith("250");
            assertThat(s.command("RCPT TO:<postmaster@anything.example>")).startsWith("550 5.1.1");
        }
    }

    @Test
    void theGreetingNamesThisMachineOrTheConfiguredName() throws Exception {
        String machine = InetAddress.getLocalHost().getHostName();
        try (SmtpSession s = new SmtpSession(start(Map.of()), FLOOD)) {
            assertThat(s.greeting).startsWith("220 " + machine + " ");
        }
        receiver.close();
        try (SmtpSession s = new SmtpSession(start(Map.of("smtp.hostname", "mx.hub.example")), FLOOD)) {
            assertThat(s.greeting).startsWith("220 mx.hub.example ");
        }
    }
}
