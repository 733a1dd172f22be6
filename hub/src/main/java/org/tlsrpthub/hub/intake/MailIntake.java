package org.tlsrpthub.hub.intake;

import java.util.List;
import org.tlsrpthub.hub.dkim.DkimPolicy;
import org.tlsrpthub.hub.dkim.DkimResult;
import org.tlsrpthub.hub.dkim.DkimSettings;
import org.tlsrpthub.hub.dkim.DkimVerification;
import org.tlsrpthub.hub.dkim.SubmitterAlignment;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;

/**
 * The path every received email takes, whatever brought it (SMTP, IMAP, Maildir): DKIM verdict
 * (per {@code dkim.policy}), decode, the DKIM requirement of RFC 8460 §3, then the group commit.
 * A thin layer over {@link IngestService}: it adds only what is specific to mail.
 */
public final class MailIntake {
    private final IngestService ingest;
    private final GroupCommitter commits;
    private final DkimPolicy policy;
    private final DkimVerification dkim;

    public MailIntake(IngestService ingest, GroupCommitter commits, DkimSettings dkimSettings) {
        this.ingest = ingest;
        this.commits = commits;
        this.policy = dkimSettings.policy();
        this.dkim = dkimSettings.verification();
    }

    /** What became of a message, before or after the store. {@code from} is the From header. */
    public record Delivery(IngestOutcome outcome, DkimResult dkim, boolean holdsNoReport, String messageId, String from) {
        public boolean quarantined() {
            return outcome != null && outcome.status() == IngestStatus.QUARANTINED;
        }

        /** The message's log line: Message-ID, sender, outcome, DKIM verdict and report ids. */
        public String logLine() {
            return DeliveryLog.line(messageId, from, outcome.status().name(), dkim, outcome.reports());
        }
    }

    /** Decodes and checks a message without writing it: receivers that may refuse mail decide on this. */
    public Prepared prepare(byte[] raw, Provenance provenance) throws StorageUnavailable {
        DkimResult verdict = dkim == null ? null : dkim.verify(raw);
        if (verdict != null && verdict.verdict() == DkimResult.Verdict.TEMPERROR && policy == DkimPolicy.REQUIRE) {
            throw new StorageUnavailable("DKIM key lookup failed: " + verdict.detail(), null);
        }
        // The Message-ID is taken here too, so that mail without a report still shows where it came from.
        String messageId = provenance.messageId() != null ? provenance.messageId() : HeaderField.first(raw, "Message-ID");
        Provenance p = new Provenance(provenance.channel(), provenance.receivedAt(), provenance.origin(), messageId,
                verdict == null ? provenance.dkimResult() : verdict.stored());
        PreparedInput in = ingest.prepare(raw, p);
        if (policy == DkimPolicy.REQUIRE && in.parseError() == null) {
            String problem = SubmitterAlignment.problem(verdict, HeaderField.first(raw, "TLS-Report-Submitter"), in.reports());
            if (problem != null) {
                in = new PreparedInput(in.raw(), List.of(), new Quarantine(Quarantine.DKIM,
                        "no valid DKIM signature from the submitter's domain (RFC 8460 §3, dkim.policy=require)",
                        in.raw().provenance().origin() + ": " + problem));
            }
        }
        return new Prepared(in, verdict, HeaderField.first(raw, "From"));
    }

    /** A message after {@link #prepare}, before the commit. {@code from} is the From header. */
    public record Prepared(PreparedInput input, DkimResult dkim, String from) {
        /** The same message with its input replaced (an expiry set on its quarantine, say). */
        public Prepared with(PreparedInput other) {
            return new Prepared(other, dkim, from);
        }

        /** The log line of a message refused before the commit, {@code outcome} saying how. */
        public String logLine(String outcome) {
            return DeliveryLog.line(input.raw().provenance().messageId(), from, outcome, dkim, List.of());
        }

        /** True when the message holds no report at all (not a broken report: none). */
        public boolean holdsNoReport() {
            return JunkQuarantine.isJunk(input);
        }
    }

    /** Commits a prepared message; returns only once it is durable. */
    public Delivery commit(Prepared prepared) throws StorageUnavailable {
        try {
            IngestOutcome outcome = commits.commit(prepared.input());
            return new Delivery(outcome, prepared.dkim(), prepared.holdsNoReport(),
                    prepared.input().raw().provenance().messageId(), prepared.from());
        } catch (java.sql.SQLException | GroupCommitter.Unavailable e) {
            // Never acknowledge what may not be stored: a failed commit (database down, queue full,
            // shutting down, no commit in time) is a temporary failure for the sender.
            throw new StorageUnavailable("storage unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailable("interrupted while storing", e);
        }
    }

    /** Prepare and commit in one step. */
    public Delivery deliver(byte[] raw, Provenance provenance) throws StorageUnavailable {
        return commit(prepare(raw, provenance));
    }
}
