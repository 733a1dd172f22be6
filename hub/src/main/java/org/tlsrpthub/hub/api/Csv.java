package org.tlsrpthub.hub.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 has it (CRLF line ends; a field with a comma, quote, CR or LF in double quotes,
 * quotes doubled), made safe for spreadsheets: report fields come from strangers, so a text cell
 * starting with = + - @ (or a tab or CR) gets a leading apostrophe and is not run as a formula.
 * Numbers are written as they are.
 */
final class Csv {
    private final StringBuilder out = new StringBuilder(4096);

    Csv(String... header) {
        row((Object[]) header);
    }

    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.append(',');
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number) return value.toString();
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String joined(List<String> values) {
        return String.join(" | ", values);
    }

    void render(Context ctx, String fileName) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.result(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
