package org.tlsrpthub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown keys are refused wherever they are set, with the closest valid key; the catalogue is complete and documented. */
class SettingsCatalogueTest {
    @TempDir
    Path dir;

    @Test
    void aTypoInTheFileIsRefusedWithTheClosestKey() throws Exception {
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, "dkim.polcy = require\nsmtp.tls.cert = /c.pem\nimap.work.hots = imap.example.com\nhttp.port = 1\n");
        assertThatThrownBy(() -> Settings.load(conf, Map.of())).isInstanceOf(SettingsException.class)
                .hasMessageContaining("unknown setting dkim.polcy (config file " + conf + "); did you mean dkim.policy?")
                .hasMessageContaining("unknown setting smtp.tls.cert").hasMessageContaining("did you mean smtp.tls.certificate?")
                .hasMessageContaining("unknown setting imap.work.hots").hasMessageContaining("did you mean imap.work.host?")
                .message().doesNotContain("http.port");
    }

    @Test
    void anOldNameIsRefusedWithItsNewName() throws Exception {
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, "http.tls.cert = /c.pem\ndb = jdbc:sqlite:x\n");
        assertThatThrownBy(() -> Settings.load(conf, Map.of())).hasMessageContaining("http.tls.cert (config file " + conf
                + ") was renamed: use http.tls.certificate").hasMessageContaining("db (config file " + conf + ") was renamed: use store.url");
        assertThatThrownBy(() -> Settings.load(null, Map.of("TLSRPT_DB_URL", "jdbc:sqlite:x", "TLSRPT_HTTP_TLS_CERT", "/c.pem")))
                .hasMessageContaining("TLSRPT_DB_URL was renamed: use TLSRPT_STORE_URL")
                .hasMessageContaining("TLSRPT_HTTP_TLS_CERT was renamed: use TLSRPT_HTTP_TLS_CERTIFICATE");
    }

    @Test
    void unknownEnvironmentVariablesAndOverridesAreRefusedToo() {
        assertThatThrownBy(() -> Settings.load(null, Map.of("TLSRPT_HTTP_PROT", "8080")))
                .hasMessageContaining("unknown environment variable TLSRPT_HTTP_PROT; did you mean TLSRPT_HTTP_PORT?");
        assertThatThrownBy(() -> Settings.of(Map.of("smtp.recipent", "a@example.com")))
                .hasMessageContaining("unknown setting smtp.recipent (given on the command line); did you mean smtp.recipients?");
        assertThatThrownBy(() -> Settings.of(Map.of()).with("http.prot", "1")).hasMessageContaining("did you mean http.port?");
    }

    @Test
    void variablesThatAreNotSettingsPass() {
        Settings s = Settings.load(null, Map.of(
                "TLSRPT_IMAP_WORK_HOST", "imap.example.com", "TLSRPT_IMAP_WORK_PASSWORD_ENV", "TLSRPT_WORK_SECRET",
                "TLSRPT_WORK_SECRET", "s3cret", "TLSRPT_CONFIG", "/etc/hub.properties", "TLSRPT_LOG_LEVEL", "DEBUG",
                "TLSRPT_RETENTION_DAYS", "30", "PATH", "/usr/bin", "HOME", "/root"));
        assertThat(s.secret("imap.work.password")).isEqualTo("s3cret");
        assertThat(s.getInt("retention.days", 0)).isEqualTo(30);
    }

    @Test
    void aSecretVariableNamedInTheFilePasses() throws Exception {
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, "imap.work.password-env = TLSRPT_IMAP_PASSWORD\n");
        assertThat(Settings.load(conf, Map.of("TLSRPT_IMAP_PASSWORD", "p")).secret("imap.work.password")).isEqualTo("p");
        assertThatThrownBy(() -> Settings.load(null, Map.of("TLSRPT_IMAP_PASSWORD", "p")))
                .as("named by nothing: a stray variable").hasMessageContaining("unknown environment variable TLSRPT_IMAP_PASSWORD");
    }

    @Test
    void readingAKeyMissingFromTheCatalogueFails() {
        assertThatThrownBy(() -> Settings.of(Map.of()).get("http.not-a-setting"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SettingsCatalogue");
    }

    /** Keys the code reads as literals (the pattern keys are read and checked at run time by the receivers' tests). */
    @Test
    void everyKeyTheCodeReadsIsInTheCatalogue() throws Exception {
        Pattern read = Pattern.compile("\\.(?:get|getInt|getLong|getBoolean|getList|getChoice|secret|with)\\(\"([a-z][a-z0-9.-]*\\.[a-z0-9.-]+)\"");
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (!text.contains("config.Settings") && !f.toString().contains("config")) continue;
                Matcher m = read.matcher(text);
                while (m.find()) keys.add(m.group(1));
            }
        }
        assertThat(keys).as("the scan finds keys").contains("http.port", "dkim.policy", "smtp.recipients", "store.url");
        assertThat(keys).allSatisfy(k -> assertThat(SettingsCatalogue.isKey(k)).as(k).isTrue());
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "receiving.md"));
        for (String key : SettingsCatalogue.KEYS) {
            assertThat(docs).as(key).contains("`" + key.replace(SettingsCatalogue.NAME, "<name>") + "`");
        }
        assertThat(SettingsCatalogue.OTHER_ENVIRONMENT).allSatisfy(v -> assertThat(docs).contains(v));
    }
}
