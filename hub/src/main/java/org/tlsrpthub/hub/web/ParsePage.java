package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.InputReader;
import org.tlsrpthub.core.InputResult;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.parse.ReportExplainer;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;

/**
 * "Parse a report": upload JSON, gzip, zip or an email and read the same explanation the CLI's
 * {@code parse} prints. Nothing is stored unless the user ticks "store it".
 */
public final class ParsePage {
    private final Pages pages;
    private final IngestService ingest;
    private final Clock clock;
    private final Limits limits = Limits.DEFAULTS;

    ParsePage(Pages pages, IngestService ingest, Clock clock) {
        this.pages = pages;
        this.ingest = ingest;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get("/parse", ctx -> pages.render(ctx, "parse.jte", PageInfo.of(ctx, "Parse a report", "parse"), "result", null));
        app.post("/parse", this::parse);
    }

    /** What the page shows after an upload. */
    public record Result(String fileName, List<String> explanations, String error, String stored) {}

    private void parse(Context ctx) throws SQLException {
        UploadedFile file = ctx.uploadedFile("report");
        Result result;
        if (file == null || file.size() == 0) {
            result = new Result("", List.of(), "Choose a file first.", null);
        } else if (file.size() > limits.maxInputBytes()) {
            result = new Result(file.filename(), List.of(), "The file is larger than " + limits.maxInputBytes() + " bytes.", null);
        } else {
            result = explain(file, "on".equals(ctx.formParam("store")), AccessFilter.user(ctx));
        }
        if (result.error() != null) ctx.status(422);
        pages.render(ctx, "parse.jte", PageInfo.of(ctx, "Parse a report", "parse"), "result", result);
    }

    private Result explain(UploadedFile file, boolean store, String user) throws SQLException {
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return new Result(file.filename(), List.of(), "Cannot read the upload: " + e.getMessage(), null);
        }
        ReportExplainer explainer = new ReportExplainer();
        List<String> texts = new ArrayList<>();
        try {
            InputResult r = new InputReader(limits).read(bytes, file.filename());
            for (int i = 0; i < r.reports().size(); i++) {
                texts.add(explainer.explain(r.reports().get(i), r.email() == null ? null : r.email().reports().get(i)));
            }
        } catch (ReportParseException e) {
            return new Result(file.filename(), List.of(), e.getMessage(), null);
        }
        String stored = null;
        if (store) {
            // The file channel with a "web upload" origin: the upload is a file a person handed in.
            IngestOutcome o = ingest.ingest(bytes, new Provenance(Channel.FILE, clock.instant(),
                    "web upload by " + user + ": " + file.filename(), null, null));
            stored = o.status().name().toLowerCase() + (o.reason() == null ? "" : " (" + o.reason() + ")");
        }
        return new Result(file.filename(), texts, null, stored);
    }
}
