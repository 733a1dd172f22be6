package org.tlsrpthub.core.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tlsrpthub.core.payload.PayloadFormat;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;

/**
 * Which parts of an email may hold a report, and what is odd about the way they are labelled.
 * RFC 8460 §5.3 names {@code application/tlsrpt+gzip} and {@code application/tlsrpt+json}; real and
 * careless senders also use generic labels, so the content decides (checklist §3.3).
 */
final class ReportPartRules {

    static final String TLSRPT_GZIP = "application/tlsrpt+gzip";
    static final String TLSRPT_JSON = "application/tlsrpt+json";

    /** Labels that say "a file", which a report may hide behind; accepted only when the content is a payload. */
    private static final Set<String> GENERIC = Set.of(
            "application/json", "text/json", "application/gzip", "application/x-gzip", "application/zip",
            "application/x-zip-compressed", "application/octet-stream", "application/x-tlsrpt");

    private ReportPartRules() {}

    /** The part is labelled as TLS-RPT, so a failure to read it is an error, not a reason to skip it. */
    static boolean labelledTlsRpt(MimeLeaf leaf) {
        return leaf.mediaType().startsWith("application/tlsrpt");
    }

    /** The part may hold a report: labelled so, generically labelled, or named like a report file. */
    static boolean mayHoldReport(MimeLeaf leaf) {
        return labelledTlsRpt(leaf) || GENERIC.contains(leaf.mediaType()) || reportLikeName(leaf.filename())
                || leaf.isWholeBody();
    }

    static boolean reportLikeName(String filename) {
        if (filename == null) return false;
        String n = filename.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".gz") || n.endsWith(".gzip") || n.endsWith(".zip");
    }

    /** Warnings about the label of a report part and the shape of the message around it. */
    static List<Warning> labelWarnings(MimeLeaf leaf, PayloadFormat packing) {
        List<Warning> out = new ArrayList<>();
        String where = leaf.name() + " Content-Type";
        String type = leaf.mediaType();
        String holds = switch (packing) {
            case GZIP -> "gzip data";
            case ZIP -> "a zip archive";
            case JSON -> "plain JSON";
            case UNKNOWN -> "unrecognised data";
        };
        if (type.equals(TLSRPT_GZIP)) {
            if (packing != PayloadFormat.GZIP) {
                out.add(new Warning(WarningCode.CONTENT_TYPE_MISMATCH, where,
                        "labelled " + type + " but holds " + holds));
            }
        } else if (type.equals(TLSRPT_JSON)) {
            if (packing != PayloadFormat.JSON) {
                out.add(new Warning(WarningCode.CONTENT_TYPE_MISMATCH, where,
                        "labelled " + type + " but holds " + holds));
            }
        } else if (!leaf.isWholeBody()) {
            out.add(new Warning(WarningCode.CONTENT_TYPE_MISMATCH, where,
                    "labelled " + type + " instead of " + TLSRPT_GZIP + " or " + TLSRPT_JSON
                            + " (RFC 8460 §5.3); holds " + holds));
        }
        out.addAll(shapeWarnings(leaf));
        return out;
    }

    // RFC 8460 §5.3: multipart/report with report-type "tlsrpt", the report as one of its parts.
    private static List<Warning> shapeWarnings(MimeLeaf leaf) {
        List<Warning> out = new ArrayList<>();
        if (leaf.forwarded()) {
            out.add(new Warning(WarningCode.UNUSUAL_MESSAGE_SHAPE, leaf.name(),
                    "the report is inside a forwarded message/rfc822 attachment"));
        }
        if (leaf.isWholeBody()) {
            out.add(new Warning(WarningCode.UNUSUAL_MESSAGE_SHAPE, leaf.name(),
                    "the report is the whole message body (" + leaf.mediaType()
                            + "), not a part of multipart/report (RFC 8460 §5.3)"));
        } else if (!leaf.enclosingType().equals("multipart/report")) {
            out.add(new Warning(WarningCode.UNUSUAL_MESSAGE_SHAPE, "message Content-Type",
                    "the message is " + leaf.enclosingType() + ", not multipart/report (RFC 8460 §5.3)"));
        } else if (!"tlsrpt".equals(leaf.reportType())) {
            out.add(new Warning(WarningCode.UNUSUAL_MESSAGE_SHAPE, "message Content-Type",
                    "multipart/report has report-type " + (leaf.reportType() == null ? "missing" :
                            "\"" + leaf.reportType() + "\"") + ", not \"tlsrpt\" (RFC 8460 §5.3)"));
        }
        return out;
    }
}
