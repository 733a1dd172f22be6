package org.tlsrpthub.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsrpthub.core.InputBudget;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.report.NulReplacement;

/**
 * Walks the MIME tree of one email depth-first and lists its content parts, going into multiparts and
 * forwarded {@code message/rfc822} attachments. Bounded by {@link Limits#maxMimeParts()} and
 * {@link Limits#maxMimeDepth()}, both checked before a multipart or an attached message is parsed, so
 * a hostile message cannot make the walk unbounded in time or memory. Decoded part contents are charged
 * to the input's {@link InputBudget}.
 *
 * <p>Multiparts and attached messages are built from the part's bytes directly instead of through
 * {@code getContent()}, so nothing depends on Jakarta Activation's handler lookup.
 */
final class MimeWalker {
    private final Limits limits;
    private final Session session;
    private final String source;
    private final InputBudget budget;
    private final List<MimeLeaf> leaves = new ArrayList<>();
    private int parts;

    MimeWalker(Limits limits, Session session, String source, InputBudget budget) {
        this.limits = limits;
        this.session = session;
        this.source = source;
        this.budget = budget;
    }

    /** The content parts of {@code message}, in document order. */
    List<MimeLeaf> walk(MimeMessage message) throws ReportParseException {
        EmailMetadata meta = metadata(message);
        visit(message, "", 0, new Context(meta, mediaType(message, ""), null, false));
        return List.copyOf(leaves);
    }

    /** What a part inherits from the messages and multiparts around it. */
    private record Context(EmailMetadata message, String messageType, String reportType, boolean forwarded) {}

    private void visit(Part part, String name, int depth, Context ctx) throws ReportParseException {
        String where = name.isEmpty() ? "message" : name;
        String type = mediaType(part, where);
        try {
            if (type.startsWith("multipart/")) {
                visitMultipart(part, name, depth, ctx, type);
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                visitMessage(part, name, depth);
            } else {
                leaves.add(new MimeLeaf(name.isEmpty() ? "body" : name, type, filename(part),
                        ctx.message(), ctx.messageType(), ctx.reportType(), ctx.forwarded(), part));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // Jakarta Mail reports broken structure in many ways; callers see one kind, naming the part.
            throw new ReportParseException(Kind.BAD_EMAIL, "cannot read " + where + " (" + type + "): " + describe(e),
                    source);
        }
    }

    private void visitMultipart(Part part, String name, int depth, Context ctx, String type)
            throws MessagingException, IOException, ReportParseException {
        checkDepth(depth + 1);
        MimePartDataSource body = new MimePartDataSource((MimePart) part);
        String boundary = rawParameter(part, "boundary");
        byte[] delimiter = ("--" + (boundary == null ? "" : boundary)).getBytes(StandardCharsets.ISO_8859_1);
        int allowed = limits.maxMimeParts() - parts;
        try (InputStream in = body.getInputStream()) {
            // +1: the close delimiter is counted too
            if (DelimiterCount.count(in, delimiter, allowed + 1) > allowed + 1) throw tooManyParts();
        }
        Multipart multipart = new MimeMultipart(body);
        String reportType = type.equals("multipart/report") ? parameter(part, "report-type") : ctx.reportType();
        Context inner = new Context(ctx.message(), ctx.messageType(), reportType, ctx.forwarded());
        int count = multipart.getCount();
        for (int i = 0; i < count; i++) {
            if (++parts > limits.maxMimeParts()) throw tooManyParts();
            String child = name.isEmpty() ? "part " + (i + 1) : name + "." + (i + 1);
            visit(multipart.getBodyPart(i), child, depth + 1, inner);
        }
    }

    private void visitMessage(Part part, String name, int depth)
            throws MessagingException, IOException, ReportParseException {
        checkDepth(depth + 1);
        MimeMessage attached;
        // Jakarta Mail never transfer-decodes a message/* part (RFC 2046 §5.2.1 allows no encoding), so
        // this stream is a view of the input's shared bytes: a chain of attached messages copies nothing.
        try (InputStream in = part.getInputStream()) {
            attached = new MimeMessage(session, in);
        }
        EmailMetadata meta = metadata(attached);
        visit(attached, name, depth + 1, new Context(meta, mediaType(attached, name), null, true));
    }

    /** The content of {@code in}, charged to the input's budget as it is read. */
    byte[] decoded(InputStream in, String where) throws IOException, ReportParseException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            budget.charge(n, source + " " + where);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private ReportParseException tooManyParts() {
        return new ReportParseException(Kind.LIMIT_EXCEEDED,
                "the email has more than maxMimeParts=" + limits.maxMimeParts() + " MIME parts", source);
    }

    private void checkDepth(int depth) throws ReportParseException {
        if (depth > limits.maxMimeDepth()) {
            throw new ReportParseException(Kind.LIMIT_EXCEEDED,
                    "the email nests multiparts and messages deeper than maxMimeDepth=" + limits.maxMimeDepth(),
                    source);
        }
    }

    /** Lower-case type/subtype; {@code text/plain} when absent (RFC 2045 §5.2), best effort when malformed. */
    static String mediaType(Part part, String where) {
        String raw;
        try {
            raw = part.getContentType();
        } catch (MessagingException | RuntimeException e) {
            raw = null;
        }
        if (raw == null || raw.isBlank()) return "text/plain";
        try {
            return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            // Keep what precedes the parameters: the label is still useful for detection and messages.
            int semi = raw.indexOf(';');
            String base = (semi < 0 ? raw : raw.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            return base.isEmpty() ? "text/plain" : base.replaceAll("\\s+", "");
        }
    }

    private static String parameter(Part part, String param) {
        String v = rawParameter(part, param);
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }

    private static String rawParameter(Part part, String param) {
        try {
            String raw = part.getContentType();
            return raw == null ? null : new ContentType(raw).getParameter(param);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            if (name != null && !name.isBlank()) return name.strip();
        } catch (MessagingException | RuntimeException e) {
            // An unreadable name is treated as no name; the content decides.
        }
        return null;
    }

    /** The headers RFC 8460 §5.3 cares about, unfolded and decoded. */
    static EmailMetadata metadata(MimeMessage m) {
        String date = header(m, "Date");
        Instant instant = EmailDates.parse(date);
        return new EmailMetadata(header(m, "Subject"), header(m, "From"), header(m, "Message-ID"), date, instant,
                header(m, "TLS-Report-Domain"), header(m, "TLS-Report-Submitter"));
    }

    private static String header(MimeMessage m, String name) {
        String[] values;
        try {
            values = m.getHeader(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
        if (values == null || values.length == 0) return null;
        String v = MimeUtility.unfold(values[0]).replaceAll("[\\r\\n]+", " ").strip();
        try {
            v = MimeUtility.decodeText(v); // RFC 2047 encoded-words
        } catch (IOException | RuntimeException e) {
            // keep the raw text
        }
        // an encoded-word may decode to U+0000 (=00), which PostgreSQL cannot store (the Message-ID is stored)
        return v.isEmpty() ? null : NulReplacement.apply(v);
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
