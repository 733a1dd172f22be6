package org.tlsrpthub.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.ReportParseException.Kind;

/**
 * One decompression budget and one part count per input, however the input is packed: a zip of
 * gzips, an email of many report parts and a chain of attached messages each spend the same budget,
 * and a multipart's parts are counted before Jakarta Mail builds them.
 */
class SharedBudgetTest {
    private static final Limits ONE_MB = Limits.DEFAULTS.withMaxDecompressedBytes(1_000_000);

    @Test
    void aZipOfGzipsSpendsOneBudget() throws Exception {
        byte[] gz = gzip(paddedReport(400_000));
        byte[] zip = zip(gz, gz, gz);
        assertThat(new InputReader(ONE_MB).read(zip(gz, gz), "two.zip").reports()).hasSize(2);

        ReportParseException e = refuse(ONE_MB, zip, "three.zip");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("three.zip!r3.json.gz: decompressed data exceeds 1000000 bytes"
                + " for the whole input (limit maxDecompressedBytes)");
    }

    @Test
    void theReportPartsOfOneEmailSpendOneBudget() throws Exception {
        String part = base64(gzip(paddedReport(400_000)));
        assertThat(new InputReader(ONE_MB).read(email(part, part), "two.eml").reports()).hasSize(2);

        ReportParseException e = refuse(ONE_MB, email(part, part, part), "three.eml");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).startsWith("three.eml part 4 (r.json.gz): decompressed data exceeds 1000000 bytes"
                + " for the whole input");
    }

    @Test
    void anEmailOfFiveThousandPartsIsRefusedNamingTheLimit() {
        ReportParseException e = refuse(Limits.DEFAULTS, manyParts(5_000), "many.eml");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("many.eml: the email has more than maxMimeParts=200 MIME parts");
    }

    @Test
    void partsAreCountedOverNestedMultipartsAndAttachedMessages() {
        // 150 parts in the message and 150 in a forwarded one: each under the limit, together over it
        String inner = new String(manyParts(150), StandardCharsets.ISO_8859_1);
        String outer = "Subject: outer\nContent-Type: multipart/mixed; boundary=\"o\"\n\n"
                + "--o\nContent-Type: message/rfc822\n\n" + inner + "\n"
                + "--o\nContent-Type: text/plain\n\nx\n".repeat(150) + "--o--\n";
        ReportParseException e = refuse(Limits.DEFAULTS, outer.getBytes(StandardCharsets.ISO_8859_1), "nested.eml");
        assertThat(e.getMessage()).contains("maxMimeParts=200");
    }

    @Test
    void forwardedReportsSpendTheBudgetOfTheMessageAroundThem() throws Exception {
        String forwarded = new String(email(base64(gzip(paddedReport(400_000)))), StandardCharsets.ISO_8859_1);
        String attached = "--f\nContent-Type: message/rfc822\n\n" + forwarded + "\n";
        String two = "Subject: Fwd\nContent-Type: multipart/mixed; boundary=\"f\"\n\n" + attached.repeat(2) + "--f--\n";
        String three = "Subject: Fwd\nContent-Type: multipart/mixed; boundary=\"f\"\n\n" + attached.repeat(3) + "--f--\n";
        assertThat(new InputReader(ONE_MB).read(two.getBytes(StandardCharsets.ISO_8859_1), "two.eml").reports()).hasSize(2);

        ReportParseException e = refuse(ONE_MB, three.getBytes(StandardCharsets.ISO_8859_1), "three.eml");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).startsWith("three.eml part 3.2 (r.json.gz): decompressed data exceeds 1000000 bytes");
    }

    @Test
    void aLongChainOfAttachedMessagesStopsAtTheDepthLimit() {
        String msg = "Subject: bottom\n\nx\n";
        for (int i = 0; i < 10_000; i++) msg = "Subject: Fwd\nContent-Type: message/rfc822\n\n" + msg;
        ReportParseException e = refuse(Limits.DEFAULTS, msg.getBytes(StandardCharsets.ISO_8859_1), "deep.eml");
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("deep.eml: the email nests multiparts and messages deeper than maxMimeDepth=8");
    }

    /**
     * Half a million empty parts (5 MB) in a JVM with a 48 MB heap: building every part first, as
     * Jakarta Mail's getCount() does, would need far more; counting first refuses it.
     */
    @Test
    void halfAMillionPartsAreRefusedInASmallHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parts.eml");
        Files.write(file, manyParts(500_000));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                ReadOne.class.getName(), file.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(out).isEqualTo(3);
        assertThat(out).contains("LIMIT_EXCEEDED").contains("maxMimeParts=200").doesNotContain("OutOfMemoryError");
    }

    /** The child of {@link #halfAMillionPartsAreRefusedInASmallHeap}: reads one file and says how it ended. */
    public static final class ReadOne {
        public static void main(String[] args) throws Exception {
            try {
                new InputReader(Limits.DEFAULTS).read(Files.readAllBytes(Path.of(args[0])), args[0]);
                System.out.println("ACCEPTED");
                System.exit(0);
            } catch (ReportParseException e) {
                System.out.println(e.kind() + " " + e.getMessage());
                System.exit(3);
            }
        }
    }

    private static ReportParseException refuse(Limits limits, byte[] input, String name) {
        return catchThrowableOfType(ReportParseException.class, () -> new InputReader(limits).read(input, name));
    }

    /** The fixture report with {@code padding} spaces before its closing brace: valid JSON of any size. */
    private static byte[] paddedReport(int padding) {
        String json;
        try (InputStream in = SharedBudgetTest.class.getResourceAsStream("/mail/report.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (json.substring(0, json.length() - 1) + " ".repeat(padding) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manyParts(int n) {
        return ("Subject: many\nContent-Type: multipart/mixed; boundary=\"m\"\n\n"
                + "--m\n\nx\n".repeat(n) + "--m--\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] email(String... base64Parts) {
        StringBuilder sb = new StringBuilder("Subject: Report Domain: policy.example\n"
                + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nx\n");
        for (String p : base64Parts) {
            sb.append("--b\nContent-Type: application/tlsrpt+gzip\nContent-Transfer-Encoding: base64\n"
                    + "Content-Disposition: attachment; filename=\"r.json.gz\"\n\n").append(p).append('\n');
        }
        return sb.append("--b--\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    private static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(byte[]... entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i++) {
                zip.putNextEntry(new ZipEntry("r" + (i + 1) + ".json.gz"));
                zip.write(entries[i]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
