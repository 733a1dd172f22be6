package org.tlsrpthub.hub.api;

import io.javalin.http.Context;

/**
 * Original bytes as a download, never rendered: whatever a stranger sent is served as an
 * attachment of type application/octet-stream with nosniff, so no browser runs it as a page.
 */
final class RawDownload {
    private RawDownload() {}

    static void send(Context ctx, String baseName, byte[] bytes) {
        ctx.contentType("application/octet-stream");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + baseName + extension(bytes) + "\"");
        ctx.result(bytes);
    }

    /** A name a person can open: the extension follows the content's first bytes. */
    static String extension(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return ".json.gz";
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return ".zip";
        for (byte x : b) {
            if (x == ' ' || x == '\t' || x == '\r' || x == '\n') continue;
            return x == '{' || x == '[' ? ".json" : ".eml";
        }
        return ".bin";
    }
}
