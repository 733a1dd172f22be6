package org.tlsrpthub.core.payload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.tlsrpthub.core.InputBudget;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.json.ReportParser;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;

/**
 * Reads a report payload whatever its packing, recognised by content (not by name or label):
 * JSON, gzip (RFC 8460 §5.2 {@code application/tlsrpt+gzip}) or zip. Decompression is bounded by
 * one {@link InputBudget} for the whole input; a gzip inside a gzip or a zip is unpacked too (one
 * level), from the same budget.
 * Thread-safe.
 */
public final class PayloadReader {
    private static final int MAX_PACKING_LEVELS = 2;

    private final Limits limits;
    private final ReportParser parser;

    public PayloadReader(Limits limits) {
        this.limits = limits;
        this.parser = new ReportParser(limits);
    }

    public PayloadReader() {
        this(Limits.DEFAULTS);
    }

    public Limits limits() {
        return limits;
    }

    /** True when the bytes look like a report payload: gzip, zip, or JSON starting with '{' or '['. */
    public static boolean looksLikePayload(byte[] bytes) {
        return PayloadFormat.detect(bytes) != PayloadFormat.UNKNOWN;
    }

    /** The reports in the payload: one for JSON or gzip, one per entry for zip. */
    public List<ParsedReport> read(byte[] bytes, String source) throws ReportParseException {
        return read(bytes, source, InputBudget.of(limits));
    }

    /** As {@link #read(byte[], String)}, unpacking from a budget shared with the rest of the input (an email's parts). */
    public List<ParsedReport> read(byte[] bytes, String source, InputBudget budget) throws ReportParseException {
        if (bytes.length > limits.maxInputBytes()) {
            throw new ReportParseException(Kind.LIMIT_EXCEEDED, "input of " + bytes.length + " bytes exceeds "
                    + limits.maxInputBytes() + " bytes (limit maxInputBytes)", source);
        }
        List<ParsedReport> out = new ArrayList<>(1);
        read(bytes, 0, bytes.length, source, 0, out, List.of(), budget);
        return out;
    }

    private void read(byte[] b, int off, int len, String source, int level, List<ParsedReport> out,
                      List<Warning> inherited, InputBudget budget) throws ReportParseException {
        switch (PayloadFormat.detect(b, off, len)) {
            case JSON -> out.add(parser.parse(b, off, len, source).withMoreWarnings(inherited));
            case GZIP -> {
                checkLevel(level, source);
                BoundedGunzip.Result r = BoundedGunzip.gunzip(b, off, len, budget, source);
                List<Warning> w = inherited;
                if (r.trailingBytes()) {
                    w = new ArrayList<>(inherited);
                    w.add(new Warning(WarningCode.GZIP_TRAILING_BYTES, "", "bytes after the end of the gzip data; ignored"));
                }
                read(r.data(), 0, r.length(), source, level + 1, out, w, budget);
            }
            case ZIP -> {
                checkLevel(level, source);
                readZip(b, off, len, source, level, out, inherited, budget);
            }
            case UNKNOWN -> throw new ReportParseException(Kind.UNRECOGNISED_FORMAT,
                    "not a report: neither JSON, gzip nor zip (first bytes: " + firstBytes(b, off, len) + ")", source);
        }
    }

    private void readZip(byte[] b, int off, int len, String source, int level, List<ParsedReport> out,
                         List<Warning> inherited, InputBudget budget) throws ReportParseException {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b, off, len))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) continue;
                if (++entries > limits.maxZipEntries()) {
                    throw new ReportParseException(Kind.LIMIT_EXCEEDED,
                            "zip holds more than " + limits.maxZipEntries() + " files (limit maxZipEntries)", source);
                }
                String entrySource = source + "!" + entry.getName();
                byte[] data = readBounded(zip, budget, entrySource);
                read(data, 0, data.length, entrySource, level + 1, out, inherited, budget);
            }
        } catch (ZipException e) {
            throw new ReportParseException(Kind.BAD_COMPRESSION, "invalid zip data: " + e.getMessage(), source);
        } catch (IOException e) {
            throw new ReportParseException(Kind.BAD_COMPRESSION, "unreadable zip data: " + e.getMessage(), source);
        }
        if (entries == 0) throw new ReportParseException(Kind.BAD_REPORT, "the zip archive holds no file", source);
    }

    private static byte[] readBounded(ZipInputStream in, InputBudget budget, String source)
            throws IOException, ReportParseException {
        byte[] buf = new byte[8192];
        var out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = in.read(buf)) > 0) {
            budget.charge(n, source); // while inflating: a bomb stops at the budget, not after
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void checkLevel(int level, String source) throws ReportParseException {
        if (level >= MAX_PACKING_LEVELS) {
            throw new ReportParseException(Kind.BAD_COMPRESSION,
                    "compressed more than " + MAX_PACKING_LEVELS + " times over; refused", source);
        }
    }

    private static String firstBytes(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = off; i < off + Math.min(len, 8); i++) sb.append(String.format("%02x ", b[i] & 0xff));
        return len == 0 ? "none, the input is empty" : sb.toString().trim();
    }
}
