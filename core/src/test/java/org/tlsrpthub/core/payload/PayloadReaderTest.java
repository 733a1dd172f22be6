package org.tlsrpthub.core.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tlsrpthub.core.payload.Packing.concat;
import static org.tlsrpthub.core.payload.Packing.gzip;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.json.Reports;
import org.tlsrpthub.core.report.WarningCode;

class PayloadReaderTest {
    private final PayloadReader reader = new PayloadReader();
    private final byte[] json = Reports.bytes(Reports.valid());

    private ReportParseException refusal(PayloadReader r, byte[] input) {
        return catchThrowableOfType(ReportParseException.class, () -> r.read(input, "in.bin"));
    }

    @Test
    void readsJsonAndGzipAlike() throws Exception {
        var plain = reader.read(json, "a.json");
        var packed = reader.read(gzip(json), "a.json.gz");
        assertThat(packed).hasSize(1);
        assertThat(packed.get(0).report()).isEqualTo(plain.get(0).report());
        assertThat(packed.get(0).warnings()).isEmpty();
    }

    @Test
    void recognisesPackingByContentNotByName() throws Exception {
        assertThat(reader.read(gzip(json), "report.json").get(0).report().reportId()).isEqualTo("r-1");
        assertThat(PayloadFormat.detect(gzip(json))).isEqualTo(PayloadFormat.GZIP);
        assertThat(PayloadFormat.detect(Packing.zip(new String[] {"a.json"}, new byte[][] {json}))).isEqualTo(PayloadFormat.ZIP);
        assertThat(PayloadFormat.detect(Reports.bytes("\n  {}"))).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.detect(Reports.bytes("From: a@b"))).isEqualTo(PayloadFormat.UNKNOWN);
    }

    @Test
    void readsEveryReportInAZip() throws Exception {
        byte[] other = Reports.bytes(Reports.valid().replace("\"r-1\"", "\"r-2\""));
        byte[] zip = Packing.zip(new String[] {"one.json", "two.json.gz"}, new byte[][] {json, gzip(other)});
        var reports = reader.read(zip, "both.zip");
        assertThat(reports).extracting(r -> r.report().reportId()).containsExactly("r-1", "r-2");
    }

    @Test
    void namesTheZipEntryInErrors() {
        byte[] zip = Packing.zip(new String[] {"bad.json"}, new byte[][] {Reports.bytes("{\"x\": }")});
        assertThat(refusal(reader, zip).getMessage()).startsWith("in.bin!bad.json: not valid JSON");
    }

    @Test
    void joinsConcatenatedGzipMembers() throws Exception {
        byte[] half1 = Arrays.copyOfRange(json, 0, 100), half2 = Arrays.copyOfRange(json, 100, json.length);
        var r = reader.read(concat(gzip(half1), gzip(half2)), "t");
        assertThat(r.get(0).report().reportId()).isEqualTo("r-1");
        assertThat(r.get(0).warnings()).isEmpty();
    }

    @Test
    void ignoresBytesAfterTheGzipDataWithAWarning() throws Exception {
        var r = reader.read(concat(gzip(json), Reports.bytes("\r\n--boundary--\r\n")), "t");
        assertThat(r.get(0).hasWarning(WarningCode.GZIP_TRAILING_BYTES)).isTrue();
    }

    @Test
    void refusesTruncatedGzip() {
        byte[] gz = gzip(json);
        var e = refusal(reader, Arrays.copyOf(gz, gz.length / 2));
        assertThat(e.kind()).isEqualTo(Kind.BAD_COMPRESSION);
        assertThat(e.getMessage()).isEqualTo("in.bin: gzip data is truncated (ends inside the compressed stream)");
        assertThat(refusal(reader, Arrays.copyOf(gz, gz.length - 3)).reason()).contains("trailer is missing");
        assertThat(refusal(reader, Arrays.copyOf(gz, 5)).reason()).isEqualTo("gzip header is truncated");
    }

    @Test
    void refusesCorruptGzip() {
        byte[] gz = gzip(json);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 6] ^= 0x55;
        assertThat(refusal(reader, badCrc).reason()).contains("CRC32 mismatch");
        byte[] badData = gz.clone();
        for (int i = 12; i < 30; i++) badData[i] = (byte) 0xff;
        assertThat(refusal(reader, badData).kind()).isEqualTo(Kind.BAD_COMPRESSION);
    }

    @Test
    void refusesDecompressedDataOverTheLimit() {
        var small = new PayloadReader(Limits.DEFAULTS.withMaxDecompressedBytes(1_000_000));
        var e = refusal(small, Packing.gzipOfZeros(5_000_000));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.reason()).isEqualTo("decompressed data exceeds 1000000 bytes for the whole input (limit maxDecompressedBytes)");
    }

    @Test
    void refusesAZipBomb() {
        var small = new PayloadReader(Limits.DEFAULTS.withMaxDecompressedBytes(1_000_000));
        byte[] zeros = new byte[3_000_000];
        var e = refusal(small, Packing.zip(new String[] {"a.json"}, new byte[][] {zeros}));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
    }

    @Test
    void refusesInputOverTheInputLimit() {
        var small = new PayloadReader(Limits.DEFAULTS.withMaxInputBytes(100));
        var e = refusal(small, json);
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.reason()).contains("limit maxInputBytes");
    }

    @Test
    void unpacksOneNestedLevelButRefusesDeeperPacking() throws Exception {
        assertThat(reader.read(gzip(gzip(json)), "t")).hasSize(1);
        assertThat(refusal(reader, gzip(gzip(gzip(json)))).reason()).contains("compressed more than 2 times");
    }

    @Test
    void refusesSomethingThatIsNoPayloadNamingItsFirstBytes() {
        var e = refusal(reader, Reports.bytes("Hello"));
        assertThat(e.kind()).isEqualTo(Kind.UNRECOGNISED_FORMAT);
        assertThat(e.reason()).isEqualTo("not a report: neither JSON, gzip nor zip (first bytes: 48 65 6c 6c 6f)");
    }
}
