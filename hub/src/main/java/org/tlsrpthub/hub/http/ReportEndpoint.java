package org.tlsrpthub.hub.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;

/**
 * {@code POST /tlsrpt}: the {@code rua=https://…} delivery of RFC 8460 §5.4. Every answer comes
 * after the commit: a 2xx means the input is committed, and synced to disk (unless
 * store.sqlite.synchronous=normal), whether stored, already known, or quarantined; so a sender that
 * gets one may forget the report; any other status makes it retry (§5.5).
 */
final class ReportEndpoint {
    private final IngestService ingest;
    private final GroupCommitter committer;
    private final RateLimiter limiter;
    private final InFlightBytes inFlight;
    private final JunkQuarantine junk;
    private final HttpSettings settings;
    private final Clock clock;

    ReportEndpoint(IngestService ingest, GroupCommitter committer, RateLimiter limiter, InFlightBytes inFlight,
            JunkQuarantine junk, HttpSettings settings, Clock clock) {
        this.ingest = ingest;
        this.inFlight = inFlight;
        this.committer = committer;
        this.limiter = limiter;
        this.junk = junk;
        this.settings = settings;
        this.clock = clock;
    }

    void post(Context ctx) throws Exception {
        String client = RequestInfo.client(ctx);
        if (!limiter.tryAcquire(client)) {
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many reports",
                    "more than " + settings.ratePerMinute() + " reports a minute from " + client),
                    Long.toString(Math.max(1, limiter.secondsUntilToken(client))));
        }
        // RFC 8460 §5.4: application/tlsrpt+gzip or +json; other plausible labels are sniffed.
        if (!MediaTypes.acceptedType(ctx.contentType())) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send application/tlsrpt+gzip or application/tlsrpt+json (RFC 8460 §5.4), not " + ctx.contentType()));
        }
        String coding = ctx.header("Content-Encoding");
        if (!MediaTypes.acceptedCoding(coding)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported content coding",
                    "only gzip or identity content coding is understood, not " + coding));
        }
        try (InFlightBytes.Share share = inFlight.share()) {
            // the body is held until the answer: its share of the cap is too
            accept(ctx, client, readBody(ctx, share));
        }
    }

    private void accept(Context ctx, String client, byte[] body) throws Exception {
        if (body.length == 0) {
            throw new ProblemException(Problem.of(400, "empty-body", "Empty body", "the request has no report"));
        }
        ctx.attribute(RequestInfo.BYTES, body.length);
        Provenance provenance = new Provenance(Channel.HTTPS, clock.instant(),
                client + " request=" + RequestInfo.id(ctx), null, null);
        PreparedInput prepared = junk.withExpiry(ingest.prepare(body, provenance));
        ReportParseException parseError = ingest.takeLastParseError();
        if (!admitted(ctx, prepared)) {
            throw new ProblemException(Problem.of(503, "quarantine-full", "Quarantine full",
                    "this is not a report, and the quarantine for such input is full: it was not kept"), "3600");
        }
        IngestOutcome outcome = commit(ctx, prepared);
        ctx.attribute(RequestInfo.OUTCOME, outcome.status().name().toLowerCase(Locale.ROOT));
        ctx.attribute(RequestInfo.REPORTS, outcome.reports().size());
        answer(ctx, outcome, parseError);
    }

    private byte[] readBody(Context ctx, InFlightBytes.Share share) throws IOException {
        try {
            return BodyReader.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                    settings.maxBodyBytes(), settings.bodyTimeout(), share);
        } catch (BodyReader.Busy e) {
            ctx.header("Connection", "close"); // the body is not read
            HttpServer.log.warn("event=in-flight-cap-reached limit={} client={}", inFlight.limit(), RequestInfo.client(ctx));
            throw new ProblemException(Problem.of(503, "busy", "Too many report bytes in flight", e.getMessage()), "5");
        } catch (BodyReader.TooLarge e) {
            ctx.header("Connection", "close"); // the rest of the body is not read
            throw new ProblemException(Problem.of(413, "too-large", "Report too large", e.getMessage()));
        } catch (BodyReader.TooSlow e) {
            ctx.header("Connection", "close");
            throw new ProblemException(Problem.of(408, "too-slow", "Body too slow", e.getMessage()));
        }
    }

    private boolean admitted(Context ctx, PreparedInput prepared) {
        try {
            return junk.admits(prepared);
        } catch (SQLException e) {
            throw storageUnavailable(ctx, e);
        }
    }

    private IngestOutcome commit(Context ctx, PreparedInput prepared) throws InterruptedException {
        try {
            return committer.commit(prepared);
        } catch (SQLException | GroupCommitter.Unavailable e) {
            throw storageUnavailable(ctx, e);
        }
    }

    /**
     * RFC 8460 §5.5: the sender retries later; nothing was acknowledged. The cause is for the log
     * only: a sender has no use for the database's own words.
     */
    private static ProblemException storageUnavailable(Context ctx, Throwable cause) {
        HttpServer.log.warn("event=storage-unavailable id={} error=\"{}\"", RequestInfo.id(ctx), cause.toString().replace('"', '\''));
        return new ProblemException(Problem.of(503, "storage-unavailable", "Storage unavailable",
                "the report could not be stored now; please retry later"), "60");
    }

    private void answer(Context ctx, IngestOutcome outcome, ReportParseException parseError) {
        switch (outcome.status()) {
            case STORED, DUPLICATE -> receipt(ctx, 200, outcome);
            case REJECTED -> throw new ProblemException(Problem.of(settings.otherDomainStatus(), "domain-not-served",
                    "Domain not served", outcome.reason()));
            case QUARANTINED -> {
                // The sender's mistake: say where. The raw body is kept in quarantine all the same.
                if (parseError != null && !Quarantine.INTERNAL_ERROR.equals(outcome.kind())) {
                    throw new ProblemException(parseProblem(parseError));
                }
                // A domain we do not serve (setting "quarantine") or a failure of our own parser: the
                // input is committed for review or reprocessing, so the sender may stop retrying.
                receipt(ctx, 202, outcome);
            }
        }
    }

    private static void receipt(Context ctx, int status, IngestOutcome outcome) {
        ctx.status(status).contentType("application/json").result(Receipt.of(outcome, RequestInfo.id(ctx)).toJson());
    }

    static Problem parseProblem(ReportParseException e) {
        Problem p = switch (e.kind()) {
            case LIMIT_EXCEEDED -> Problem.of(413, "too-large", "Report too large", e.reason());
            case BAD_COMPRESSION -> Problem.of(400, "bad-compression", "Broken gzip or zip data", e.reason());
            case BAD_JSON -> Problem.of(400, "bad-json", "Not well-formed JSON", e.reason());
            case UNRECOGNISED_FORMAT -> Problem.of(400, "unrecognised-format", "Not a TLS-RPT report", e.reason());
            case BAD_EMAIL -> Problem.of(400, "bad-email", "No report in the email", e.reason());
            case BAD_REPORT, BAD_VALUE -> Problem.of(400, "bad-report", "Not a valid TLS-RPT report", e.reason());
        };
        return e.pointer() != null || e.line() > 0 ? p.at(e.pointer(), e.line(), e.column()) : p;
    }
}
