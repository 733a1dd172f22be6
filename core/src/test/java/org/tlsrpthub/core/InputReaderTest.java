package org.tlsrpthub.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.testsupport.Corpus;

/** The entry point tells payloads from emails by content and enforces the input size limit. */
class InputReaderTest {
    private final InputReader reader = new InputReader(Limits.DEFAULTS);

    private static byte[] json() {
        return Corpus.read("mail-tls-rpt__report.json");
    }

    @Test
    void plainJson() throws ReportParseException {
        InputResult r = reader.read(json(), "r.json");
        assertThat(r.format()).isEqualTo(InputFormat.JSON);
        assertThat(r.email()).isNull();
        assertThat(r.reports()).hasSize(1);
        assertThat(r.reports().get(0).report().reportId()).isEqualTo("2020-03-02T00:00:00Z_fastmaildmarc.com");
    }

    @Test
    void gzipWhateverItsName() throws ReportParseException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(json());
        }
        assertThat(reader.read(out.toByteArray(), "report.txt").format()).isEqualTo(InputFormat.GZIP);
    }

    @Test
    void zip() throws ReportParseException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("r.json"));
            zip.write(json());
            zip.closeEntry();
        }
        InputResult r = reader.read(out.toByteArray(), "r.zip");
        assertThat(r.format()).isEqualTo(InputFormat.ZIP);
        assertThat(r.reports()).hasSize(1);
    }

    @Test
    void email() throws ReportParseException {
        InputResult r = reader.read(Corpus.read("mox__example.eml"), "mox.eml");
        assertThat(r.format()).isEqualTo(InputFormat.EMAIL);
        assertThat(r.email().metadata().reportDomain()).isEqualTo("test.xmox.nl");
        assertThat(r.reports()).containsExactly(r.email().reports().get(0).parsed());
    }

    @Test
    void emailAfterAnMboxFromLine() throws ReportParseException {
        byte[] eml = Corpus.read("mail-auth__rpt02.eml");
        byte[] mbox = ("From tlsrpt@mail.sender.example.com Fri May 12 16:54:30 2017\n"
                + new String(eml, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        InputResult r = reader.read(mbox, "box");
        assertThat(r.format()).isEqualTo(InputFormat.EMAIL);
        assertThat(r.email().metadata().from()).isEqualTo("tlsrpt@mail.sender.example.com");
    }

    @Test
    void somethingElseIsUnrecognised() {
        ReportParseException e = catchThrowableOfType(ReportParseException.class,
                () -> reader.read("hello world\n".getBytes(StandardCharsets.US_ASCII), "x.bin"));
        assertThat(e.kind()).isEqualTo(Kind.UNRECOGNISED_FORMAT);
        assertThat(e.getMessage()).startsWith("x.bin: not JSON, gzip, zip or an email");

        e = catchThrowableOfType(ReportParseException.class, () -> reader.read(new byte[0], "empty"));
        assertThat(e.kind()).isEqualTo(Kind.UNRECOGNISED_FORMAT);
    }

    @Test
    void inputLargerThanTheLimitIsRefusedBeforeParsing() {
        byte[] eml = Corpus.read("mox__example.eml");
        ReportParseException e = catchThrowableOfType(ReportParseException.class,
                () -> new InputReader(Limits.DEFAULTS.withMaxInputBytes(1000)).read(eml, "big.eml"));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("maxInputBytes=1000");
    }
}
