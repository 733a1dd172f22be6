package org.tlsrpthub.hub.checks.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MtaStsPolicyParse;
import org.tlsrpthub.core.mtasts.MtaStsPolicyParser;
import org.tlsrpthub.core.mtasts.MtaStsRecordParse;
import org.tlsrpthub.core.mtasts.MtaStsRecordParser;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.core.mtasts.PolicyProblem;
import org.tlsrpthub.core.syntax.TxtSelection;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckTrust;
import org.tlsrpthub.hub.checks.DnsLookupException;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MtaStsState;

/**
 * MTA-STS as a sender sees it: the {@code _mta-sts.DOMAIN} record (exactly one, valid), then the
 * policy fetched over HTTPS and parsed by core, then its mode and max_age. The MX coverage is
 * judged by {@link MxCheck} with the policy returned here.
 */
public final class MtaStsCheck {
    /** RFC 8461 §3.2 expects max_age "in the range of weeks or greater"; less than a week earns a warning. */
    static final long SHORT_MAX_AGE = 7 * 86_400L;

    private final LiveDns dns;
    private final PolicyFetcher fetcher;

    public MtaStsCheck(LiveDns dns, CheckOptions options, CheckTrust trust) {
        this.dns = dns;
        this.fetcher = new PolicyFetcher(options, trust);
    }

    /** @param policy the parsed policy, null when none was usable */
    public record Result(MtaStsState state, MtaStsPolicy policy, List<Finding> findings) {}

    public Result check(String domain) {
        String name = "_mta-sts." + domain;
        String subject = name + " TXT";
        List<String> records;
        try {
            records = TxtLookup.of(dns, name);
        } catch (DnsLookupException e) {
            return new Result(state("lookup-failed", null, null), null, List.of(TxtLookup.failed(subject, e)));
        }
        return switch (MtaStsRecordParser.select(records)) {
            case TxtSelection.None n -> new Result(state("missing", null, null), null, List.of(new Finding("mta-sts-record-missing",
                    FindingSeverity.WARNING, subject, "No MTA-STS record (v=STSv1) is published at " + name
                    + ", so senders do not look for a policy and deliver to " + domain + " even without TLS.",
                    "Publish a policy at https://mta-sts." + domain + PolicyFetcher.PATH + " (start with mode: testing), then the TXT record "
                            + name + ". IN TXT \"v=STSv1; id=1;\" (change the id whenever the policy changes).")));
            case TxtSelection.Multiple m -> new Result(state("multiple", null, null), null, List.of(new Finding("mta-sts-record-invalid",
                    FindingSeverity.ERROR, subject, m.records().size() + " TXT records at " + name
                    + " begin with v=STSv1; RFC 8461 §3.1: senders then assume no policy.",
                    "Keep exactly one v=STSv1 record at " + name + ".")));
            case TxtSelection.One one -> record(domain, subject, one.record());
        };
    }

    private Result record(String domain, String subject, String text) {
        return switch (MtaStsRecordParser.parse(text)) {
            case MtaStsRecordParse.Malformed m -> new Result(state("invalid", text, null), null, List.of(new Finding("mta-sts-record-invalid",
                    FindingSeverity.ERROR, subject, "The MTA-STS record is malformed, so senders assume no policy: " + m.error().reason()
                    + " (at character " + (m.error().offset() + 1) + " of '" + text + "').",
                    "Publish the record as v=STSv1; id=ID; where ID is 1 to 32 letters and digits, changed whenever the policy changes.")));
            case MtaStsRecordParse.Valid v -> policy(domain, text, v.record().id());
            case MtaStsRecordParse.NotMtaSts n -> throw new IllegalStateException("selected record is not MTA-STS: " + n.reason());
        };
    }

    private Result policy(String domain, String record, String id) {
        PolicyFetcher.Outcome fetched = fetcher.fetch(domain, AddressLookup.of(dns, "mta-sts." + domain));
        List<Finding> findings = new ArrayList<>(fetched.findings());
        if (fetched.text() == null) {
            return new Result(new MtaStsState("valid", record, id, fetched.status(), fetched.url(), null, null, null, null), null, findings);
        }
        String subject = fetched.url();
        MtaStsPolicyParse parse = MtaStsPolicyParser.parse(fetched.text());
        if (parse instanceof MtaStsPolicyParse.Invalid invalid) {
            findings.add(new Finding("sts-policy-invalid", FindingSeverity.ERROR, subject,
                    "The policy is not valid, so senders treat " + domain + " as having none: " + problems(invalid.errors()) + ".",
                    "Correct the policy file (RFC 8461 §3.2): version: STSv1, mode:, one mx: line per MX host pattern, max_age:."));
            return new Result(new MtaStsState("valid", record, id, "invalid", fetched.url(), null, null, null, fetched.text()), null, findings);
        }
        MtaStsPolicy p = ((MtaStsPolicyParse.Valid) parse).policy();
        if (!parse.warnings().isEmpty()) {
            findings.add(new Finding("sts-policy-warning", FindingSeverity.INFO, subject,
                    "The policy is usable but deviates from RFC 8461 §3.2: " + problems(parse.warnings()) + ".",
                    "Tidy the policy file so that every sender reads it the same way."));
        }
        if (p.mode() == PolicyMode.TESTING) {
            findings.add(new Finding("sts-mode-testing", FindingSeverity.INFO, subject,
                    "The policy is in testing mode: senders report failures but still deliver without a valid TLS connection.",
                    "Once the reports show no failures, set mode: enforce (and change the id in " + "_mta-sts." + domain + ")."));
        } else if (p.mode() == PolicyMode.NONE) {
            findings.add(new Finding("sts-mode-none", FindingSeverity.WARNING, subject,
                    "The policy's mode is none: senders drop any cached policy and use no MTA-STS for " + domain + ".",
                    "If MTA-STS is meant to protect " + domain + ", publish mode: testing or enforce with the MX hosts."));
        }
        if (p.maxAge() < SHORT_MAX_AGE) {
            findings.add(new Finding("sts-max-age-short", FindingSeverity.WARNING, subject,
                    "max_age is " + p.maxAge() + " seconds; RFC 8461 §3.2 expects weeks or more, or an attacker at refresh time can strip the policy.",
                    "Set max_age to at least 604800 (one week); 86400 only while changing the policy is common, 1209600 to 31557600 once it is stable."));
        }
        return new Result(new MtaStsState("valid", record, id, "valid", fetched.url(), p.mode().value(), p.maxAge(),
                p.mx().stream().map(MxPattern::pattern).toList(), fetched.text()), p, findings);
    }

    private static String problems(List<PolicyProblem> list) {
        return list.stream().map(PolicyProblem::toString).collect(Collectors.joining("; "));
    }

    private static MtaStsState state(String recordStatus, String record, String id) {
        return new MtaStsState(recordStatus, record, id, "not-fetched", null, null, null, null, null);
    }
}
