package org.tlsrpthub.core.mail;

import jakarta.mail.Part;

/**
 * A part of an email that holds content (not a multipart), as the walk found it.
 *
 * @param name        e.g. {@code part 2}, {@code part 2.1}, or {@code body} for a single-part message
 * @param mediaType   lower-case media type without parameters, e.g. {@code application/tlsrpt+gzip}
 * @param filename    the attachment name (Content-Disposition {@code filename}, else Content-Type
 *                    {@code name}), decoded; null when none
 * @param message     headers of the nearest enclosing message (top-level or forwarded)
 * @param enclosingType media type of that message, e.g. {@code multipart/report}; used to judge the shape
 * @param reportType  the {@code report-type} parameter of the multipart/report holding this part; null if none
 * @param forwarded   true when the part sits inside a {@code message/rfc822} attachment
 * @param part        the Jakarta Mail part, to read the decoded content from when needed
 */
record MimeLeaf(
        String name,
        String mediaType,
        String filename,
        EmailMetadata message,
        String enclosingType,
        String reportType,
        boolean forwarded,
        Part part) {

    /** True for the body of a message that is not multipart: the report, if any, is the whole message. */
    boolean isWholeBody() {
        return name.equals("body");
    }

    /** How the part is named in messages: {@code part 2 (google.com!…json.gz)}. */
    String label() {
        return filename == null ? name : name + " (" + filename + ")";
    }

    /** How the part is listed when no report is found: {@code part 2 image/png "x.png"}. */
    String describe() {
        return name + " " + mediaType + (filename == null ? "" : " \"" + filename + "\"");
    }
}
