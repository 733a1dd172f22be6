package org.tlsrpthub.hub.api;

import org.tlsrpthub.hub.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.tlsrpthub.hub.analysis.QuarantineQueryService;
import org.tlsrpthub.hub.analysis.QuarantinedInput;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.reprocess.ReprocessService;

/** The quarantine: list, one input with its content, its raw bytes, and reprocessing it. */
final class QuarantineRoutes {
    /** Content larger than this is left to the raw download. */
    static final int MAX_INLINE_BYTES = 1 << 20;

    private final ApiServices services;

    QuarantineRoutes(ApiServices services) {
        this.services = services;
    }

    void register(Javalin app) {
        app.get(ApiRoutes.V1 + "/quarantine", this::list);
        app.get(ApiRoutes.V1 + "/quarantine/{id}", this::one);
        app.get(ApiRoutes.V1 + "/quarantine/{id}/raw", this::raw);
        app.post(ApiRoutes.V1 + "/quarantine/{id}/reprocess", this::reprocess);
    }

    private void list(Context ctx) throws Exception {
        Json.render(ctx, services.quarantine().list(AccessFilter.scope(ctx), ApiParams.integer(ctx, "page", 0, 0, 1_000_000),
                ApiParams.integer(ctx, "size", 50, 1, QuarantineQueryService.MAX_SIZE)));
    }

    /**
     * The input with its content: as text when it is UTF-8 (JSON, email), else base64; null in
     * both when it is larger than {@link #MAX_INLINE_BYTES} (use the raw download).
     */
    record Item(QuarantinedInput input, String contentText, String contentBase64, boolean contentTruncated) {}

    private void one(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        var c = services.quarantine().get(AccessFilter.scope(ctx), id).orElseThrow(() -> ApiParams.notFound("no quarantined input " + id));
        byte[] b = c.bytes();
        if (b.length > MAX_INLINE_BYTES) {
            Json.render(ctx, new Item(c.input(), null, null, true));
            return;
        }
        String text = utf8(b);
        Json.render(ctx, new Item(c.input(), text, text == null ? Base64.getEncoder().encodeToString(b) : null, false));
    }

    private void raw(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        var c = services.quarantine().get(AccessFilter.scope(ctx), id).orElseThrow(() -> ApiParams.notFound("no quarantined input " + id));
        RawDownload.send(ctx, "quarantine-" + id, c.bytes());
    }

    private void reprocess(Context ctx) throws Exception {
        long id = ApiParams.id(ctx, "id");
        try {
            Json.render(ctx, services.quarantine().reprocess(AccessFilter.scope(ctx), id, RequestActor.of(ctx)).orElseThrow(() -> ApiParams.notFound("no quarantined input " + id)));
        } catch (ReprocessService.HeldByDkim e) {
            throw new ProblemException(Problem.of(409, "held-by-dkim", "Held back by the DKIM policy", e.getMessage()));
        }
    }

    private static String utf8(byte[] b) {
        for (byte x : b) if (x == 0) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
