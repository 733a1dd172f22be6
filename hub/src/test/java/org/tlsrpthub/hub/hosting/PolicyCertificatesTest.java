package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.TestCa;

/** Bad policy listener settings and certificate pairs stop the start of a real hub, naming the key and the file. */
class PolicyCertificatesTest {
    static TestCa ca;
    @TempDir Path dir;
    Path certs;

    @BeforeAll
    static void authority() throws Exception {
        ca = TestCa.create("Policy certificates test CA");
    }

    @BeforeEach
    void goodPair() throws Exception {
        certs = Files.createDirectory(dir.resolve("certs"));
        ca.issue(List.of("mta-sts.a.test"), 30).writePem(certs, "mta-sts.a.test");
    }

    private Throwable startWith(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0"));
        s.putAll(extra);
        long committers = committerThreads();
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("store")))) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new Hub(Settings.of(s), db, Clock.systemUTC(), x -> List.of()));
            assertThat(committerThreads()).as("nothing left running").isEqualTo(committers);
            return t;
        }
    }

    private Throwable startWithCertificates() {
        return startWith(Map.of("mta-sts.https.port", "0", "mta-sts.certificates", certs.toString()));
    }

    private static long committerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("group-commit")).count();
    }

    @Test
    void aGoodPairLoads() {
        PolicyCertificates.Loaded loaded = PolicyCertificates.load(certs);
        assertThat(loaded.hosts()).containsExactly("mta-sts.a.test");
    }

    @Test
    void aCertificateWithoutItsKeyStopsTheStart() throws Exception {
        Files.delete(certs.resolve("mta-sts.a.test.key"));
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class).hasMessageContaining("mta-sts.certificates")
                .hasMessageContaining(certs.resolve("mta-sts.a.test.crt").toString()).hasMessageContaining("no key");
    }

    @Test
    void aKeyWithoutItsCertificateStopsTheStart() throws Exception {
        Files.delete(certs.resolve("mta-sts.a.test.crt"));
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(certs.resolve("mta-sts.a.test.key").toString()).hasMessageContaining("no certificate");
    }

    @Test
    void aCertificateForAnotherNameStopsTheStart() throws Exception {
        ca.issue(List.of("mta-sts.other.test"), 30).writePem(certs, "mta-sts.b.test");
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(certs.resolve("mta-sts.b.test.crt").toString()).hasMessageContaining("mta-sts.other.test")
                .hasMessageContaining("not mta-sts.b.test");
    }

    @Test
    void aKeyOfAnotherCertificateStopsTheStart() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        ca.issue(List.of("mta-sts.a.test"), 30).writePem(other, "mta-sts.a.test");
        Files.copy(other.resolve("mta-sts.a.test.key"), certs.resolve("mta-sts.a.test.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(certs.resolve("mta-sts.a.test.key") + " is not the key of the certificate in " + certs.resolve("mta-sts.a.test.crt"));
    }

    @Test
    void anUnreadableOrGarbledFileStopsTheStart() throws Exception {
        Files.writeString(certs.resolve("mta-sts.a.test.key"), "not a key\n");
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(certs.resolve("mta-sts.a.test.key").toString()).hasMessageContaining("PKCS#8");
        Files.writeString(certs.resolve("mta-sts.a.test.crt"), "not a certificate\n");
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class)
                .hasMessageContaining(certs.resolve("mta-sts.a.test.crt").toString());
    }

    @Test
    void aMissingOrEmptyDirectoryAndOneSettingWithoutTheOtherStopTheStart() throws Exception {
        assertThat(startWith(Map.of("mta-sts.https.port", "0", "mta-sts.certificates", dir.resolve("nowhere").toString())))
                .isInstanceOf(SettingsException.class).hasMessageContaining(dir.resolve("nowhere") + " is not a directory");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(startWith(Map.of("mta-sts.https.port", "0", "mta-sts.certificates", empty.toString())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("holds no mta-sts.DOMAIN.crt");
        assertThat(startWith(Map.of("mta-sts.https.port", "443"))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("mta-sts.certificates is not");
        assertThat(startWith(Map.of("mta-sts.certificates", certs.toString()))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("mta-sts.https.port is not");
        assertThat(startWith(Map.of("mta-sts.https.port", "70000", "mta-sts.certificates", certs.toString())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("mta-sts.https.port must be 0 to 65535");
    }

    @Test
    void aFileNotNamedForAPolicyHostStopsTheStart() throws Exception {
        ca.issue(List.of("mta-sts.b.test"), 30).writePem(certs, "mta-sts.B.test");
        assertThat(startWithCertificates()).isInstanceOf(SettingsException.class).hasMessageContaining("mta-sts.B.test.crt")
                .hasMessageContaining("lower case");
    }
}
