package org.tlsrpthub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void overridesWinOverEnvironmentWhichWinsOverTheFile() throws Exception {
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, "http.port = 8080\nsmtp.port = 2525\nsmtp.max-message-bytes = 100\n");
        Settings s = Settings.load(conf, Map.of("TLSRPT_SMTP_PORT", "2626")).with("http.port", "9090");
        assertThat(s.getInt("http.port", 0)).isEqualTo(9090);
        assertThat(s.getInt("smtp.port", 0)).isEqualTo(2626);
        assertThat(s.getLong("smtp.max-message-bytes", 0)).isEqualTo(100);
        assertThat(s.get("http.path", "x")).isEqualTo("x");
    }

    @Test
    void namesWhatIsWrongWithAValue() throws Exception {
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, "http.port = eighty\n");
        Settings s = Settings.load(conf, Map.of());
        assertThatThrownBy(() -> s.getInt("http.port", 0)).hasMessageContaining("http.port = \"eighty\" must be a whole number")
                .hasMessageContaining("TLSRPT_HTTP_PORT");
    }

    @Test
    void findsNamedSectionsInFileAndEnvironment() throws Exception {
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, "imap.work.host = a\nimap.home.host = b\n");
        Settings s = Settings.load(conf, Map.of("TLSRPT_IMAP_SPARE_HOST", "c"));
        assertThat(s.names("imap")).containsExactly("home", "spare", "work");
    }

    @Test
    void readsSecretsFromEnvironmentOrFileButNeverFromTheConfigItself() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "s3cret\n");
        Settings s = Settings.of(Map.of("imap.work.password-file", pw.toString(), "imap.home.password", "plain"));
        assertThat(s.secret("imap.work.password")).isEqualTo("s3cret");
        assertThatThrownBy(() -> s.secret("imap.home.password")).hasMessageContaining("must not hold the secret itself");
        assertThat(Settings.load(null, Map.of("TLSRPT_IMAP_X_PASSWORD_ENV", "PW", "PW", "p")).secret("imap.x.password"))
                .isEqualTo("p");
    }
}
