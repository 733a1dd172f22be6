package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.testsupport.TestCa;

/** The CA file read once for the whole check; each bad file is a settings error naming the file. */
class CaFileTest {
    @TempDir Path dir;

    @Test
    void readsEveryCertificateOfThePemFile() throws Exception {
        TestCa one = TestCa.create("One CA"), two = TestCa.create("Two CA");
        Path pem = dir.resolve("cas.pem");
        Files.writeString(pem, Files.readString(one.writePem(dir.resolve("1.pem"))) + Files.readString(two.writePem(dir.resolve("2.pem"))));
        CaFile cas = CaFile.read(pem);
        assertThat(cas.certificates()).containsExactly(one.certificate(), two.certificate());
        assertThat(cas.describe()).isEqualTo("the JDK trust store and " + pem);
        assertThat(CaFile.read(null)).isSameAs(CaFile.NONE);
        assertThat(CaFile.NONE.describe()).isEqualTo("the JDK trust store");
    }

    @Test
    void aMissingEmptyOrNonPemFileIsASettingsErrorNamingIt() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> CaFile.read(missing)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("checks.ca-file: cannot read " + missing);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> CaFile.read(empty)).isInstanceOf(SettingsException.class)
                .hasMessage("checks.ca-file: " + empty + " holds no PEM certificate");
        Path text = Files.writeString(dir.resolve("text.pem"), "hello\n");
        assertThatThrownBy(() -> CaFile.read(text)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("checks.ca-file: " + text);
    }
}
