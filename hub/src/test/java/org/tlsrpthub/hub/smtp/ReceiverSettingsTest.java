package org.tlsrpthub.hub.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.dkim.DkimPolicy;
import org.tlsrpthub.hub.dkim.DkimSettings;
import org.tlsrpthub.hub.imap.ImapSettings;
import org.tlsrpthub.hub.imap.ImapTls;
import org.tlsrpthub.hub.maildir.MaildirSettings;

/** The mail receivers' settings: defaults as documented in docs/receiving.md, and refusals of bad values. */
class ReceiverSettingsTest {
    @TempDir
    Path dir;

    @Test
    void smtpDefaults() {
        SmtpSettings s = SmtpSettings.from(Settings.of(Map.of()));
        assertThat(s.enabled()).isFalse();
        assertThat(s.port()).isEqualTo(25);
        assertThat(s.bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(s.offersTls()).isFalse();
        assertThat(s.requireTls()).isFalse();
        assertThat(s.maxMessageBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(s.noReport()).isEqualTo(NoReportAction.QUARANTINE);
        assertThat(AcceptedRecipients.of(s.recipients()).accepts("anyone@anywhere.example")).isFalse();
        assertThat(s.maxConnectionsPerAddress()).isEqualTo(20);
        assertThat(s.ratePerMinute()).isEqualTo(600);
        assertThat(s.rateBurst()).isEqualTo(600);
    }

    @Test
    void recipientsAreAddressesOrWholeDomains() {
        AcceptedRecipients r = AcceptedRecipients.of(List.of("TLSRPT@hub.example", "reports.example", "@other.example"));
        assertThat(r.accepts("tlsrpt@HUB.example")).isTrue();
        assertThat(r.accepts("<x@reports.example>")).isTrue();
        assertThat(r.accepts("y@other.example")).isTrue();
        assertThat(r.accepts("postmaster@hub.example")).isFalse();
        assertThat(r.accepts("x@sub.reports.example")).isFalse();
    }

    @Test
    void smtpRefusesHalfATlsConfigurationAndUnknownChoices() {
        assertThatThrownBy(() -> SmtpSettings.from(Settings.of(Map.of("smtp.tls.certificate", "/x.pem"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("smtp.tls.key");
        assertThatThrownBy(() -> SmtpSettings.from(Settings.of(Map.of("smtp.no-report", "bounce"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("smtp.no-report");
    }

    @Test
    void dkimDefaultsToRecordWithTheSystemResolver() {
        DkimSettings d = DkimSettings.from(Settings.of(Map.of()));
        assertThat(d.policy()).isEqualTo(DkimPolicy.RECORD);
        assertThat(d.resolver()).isNull();
        DkimSettings local = DkimSettings.from(Settings.of(Map.of("dkim.policy", "REQUIRE", "dns.resolver", "127.0.0.1:5353")));
        assertThat(local.policy()).isEqualTo(DkimPolicy.REQUIRE);
        assertThat(local.resolver().getPort()).isEqualTo(5353);
    }

    @Test
    void imapMailboxesByNameWithPasswordsNeverInTheFile() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        ImapSettings s = ImapSettings.from(Settings.of(Map.of("imap.work.host", "imap.example.com", "imap.work.user", "u",
                "imap.work.password-file", pw.toString(), "imap.home.host", "h.example", "imap.home.user", "v",
                "imap.home.password-file", pw.toString(), "imap.home.tls", "starttls")));
        assertThat(s.mailboxes()).extracting(m -> m.name()).containsExactly("home", "work");
        var work = s.mailboxes().get(1);
        assertThat(work.tls()).isEqualTo(ImapTls.TLS);
        assertThat(work.port()).isEqualTo(993);
        assertThat(work.folder()).isEqualTo("INBOX");
        assertThat(work.password()).isEqualTo("secret");
        assertThat(work.toString()).doesNotContain("secret");
        assertThat(s.mailboxes().get(0).port()).isEqualTo(143);

        assertThatThrownBy(() -> ImapSettings.from(Settings.of(Map.of("imap.x.host", "h", "imap.x.user", "u",
                "imap.x.password", "inline")))).isInstanceOf(SettingsException.class).hasMessageContaining("password-env");
        assertThat(ImapSettings.from(Settings.of(Map.of())).mailboxes()).isEmpty();
    }

    @Test
    void maildirIsOffUnlessAPathIsSet() {
        assertThat(MaildirSettings.from(Settings.of(Map.of())).enabled()).isFalse();
        MaildirSettings m = MaildirSettings.from(Settings.of(Map.of("maildir.path", "/var/mail/x")));
        assertThat(m.rescanSeconds()).isEqualTo(60);
        assertThat(m.quarantineName()).isEqualTo(".Quarantine");
    }
}
