package org.tlsrpthub.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.tlsrpthub.core.InputBudget;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.payload.PayloadFormat;
import org.tlsrpthub.core.payload.PayloadReader;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Warning;

/**
 * Takes the TLS-RPT report(s) out of an email (RFC 8460 §5.3) with the headers that describe them.
 *
 * <p>Strict about bounds, lenient about shape: besides the RFC's multipart/report it accepts generic
 * labels, plain JSON labelled gzip, a report as the whole body and forwarded reports, and records each
 * such leniency as a warning on the report (checklist §3.3). Nothing but {@link ReportParseException}
 * leaves {@link #extract}; no network is used.
 */
public final class ReportEmailExtractor {
    private final Limits limits;
    private final PayloadReader payloads;
    private final Session session;

    public ReportEmailExtractor(Limits limits) {
        this.limits = limits;
        this.payloads = new PayloadReader(limits);
        this.session = Session.getInstance(lenientProperties());
    }

    // Real report mail is written by many MTAs and rewritten by gateways; parse what can be parsed.
    private static Properties lenientProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        return p;
    }

    /**
     * @param message the raw message (RFC 5322), CRLF or LF line ends
     * @param source  names the input in messages, e.g. a file name
     */
    public ReportEmail extract(byte[] message, String source) throws ReportParseException {
        if (message.length > limits.maxInputBytes()) {
            throw new ReportParseException(Kind.LIMIT_EXCEEDED, "the email is " + message.length
                    + " bytes, more than maxInputBytes=" + limits.maxInputBytes(), source);
        }
        MimeMessage mime;
        EmailMetadata metadata;
        List<MimeLeaf> leaves;
        // One budget for everything decoded or unpacked from this message, whatever the number of parts.
        InputBudget budget = InputBudget.of(limits);
        MimeWalker walker = new MimeWalker(limits, session, source, budget);
        try {
            // A shared stream lets parts refer to the bytes instead of copying them.
            mime = new MimeMessage(session, new SharedByteArrayInputStream(message));
            metadata = MimeWalker.metadata(mime);
            leaves = walker.walk(mime);
        } catch (MessagingException | RuntimeException e) {
            throw new ReportParseException(Kind.BAD_EMAIL, "cannot read the message: " + MimeWalker.describe(e),
                    source);
        }

        List<EmailReport> reports = new ArrayList<>();
        ReportParseException firstGenericFailure = null;
        for (MimeLeaf leaf : leaves) {
            if (!ReportPartRules.mayHoldReport(leaf)) continue;
            byte[] content = content(walker, leaf, source);
            PayloadFormat packing = PayloadFormat.detect(content);
            // Generic labels are only a report when the content is one; a tlsrpt label is a promise,
            // so its content is parsed even when it looks wrong, to say why it cannot be read.
            if (!ReportPartRules.labelledTlsRpt(leaf) && !PayloadReader.looksLikePayload(content)) continue;
            String partSource = source + " " + leaf.label();
            List<ParsedReport> parsed;
            try {
                parsed = payloads.read(content, partSource, budget);
            } catch (ReportParseException e) {
                // A part labelled tlsrpt must be a report. A generic one (say logs.gz next to the report)
                // may be something else: its error only matters if no report turns up at all.
                if (ReportPartRules.labelledTlsRpt(leaf)) throw e.withSource(partSource);
                if (firstGenericFailure == null) firstGenericFailure = e.withSource(partSource);
                continue;
            }
            ReportFilename nameFields = ReportFilename.parse(leaf.filename());
            List<Warning> labelWarnings = ReportPartRules.labelWarnings(leaf, packing);
            for (ParsedReport p : parsed) {
                List<Warning> more = new ArrayList<>(labelWarnings);
                more.addAll(HeaderChecks.check(p.report(), leaf.message(), nameFields, leaf.name()));
                reports.add(new EmailReport(leaf.name(), leaf.filename(), leaf.mediaType(), nameFields,
                        leaf.message(), p.withMoreWarnings(more)));
            }
        }
        if (reports.isEmpty() && firstGenericFailure != null) throw firstGenericFailure;
        if (reports.isEmpty()) {
            String seen = leaves.stream().map(MimeLeaf::describe).collect(Collectors.joining(", "));
            throw new ReportParseException(Kind.BAD_EMAIL,
                    "no TLS-RPT report found in the message (parts: " + (seen.isEmpty() ? "none" : seen) + ")",
                    source);
        }
        return new ReportEmail(metadata, reports);
    }

    /** The decoded content of a part (base64 / quoted-printable undone), charged to the message's budget. */
    private static byte[] content(MimeWalker walker, MimeLeaf leaf, String source) throws ReportParseException {
        try (InputStream in = leaf.part().getInputStream()) {
            return walker.decoded(in, leaf.label());
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new ReportParseException(Kind.BAD_EMAIL, "cannot decode the content: " + MimeWalker.describe(e),
                    source + " " + leaf.label());
        }
    }
}
