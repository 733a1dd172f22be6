package org.tlsrpthub.hub.checks.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.core.record.RuaDestination;
import org.tlsrpthub.core.record.TlsRptRecordGenerator;
import org.tlsrpthub.core.record.TlsRptRecordParse;
import org.tlsrpthub.core.record.TlsRptRecordParser;
import org.tlsrpthub.core.syntax.TxtSelection;
import org.tlsrpthub.hub.checks.DnsLookupException;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.HubDestinations;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.TlsRptState;

/**
 * The TLS-RPT record at {@code _smtp._tls.DOMAIN}: exactly one {@code v=TLSRPTv1} record, valid by
 * core's parser, with a rua that reaches this hub; the record to publish when it is missing, broken
 * or sends reports elsewhere.
 */
public final class TlsRptRecordCheck {
    private final LiveDns dns;
    private final HubDestinations hub;

    public TlsRptRecordCheck(LiveDns dns, HubDestinations hub) {
        this.dns = dns;
        this.hub = hub;
    }

    public record Result(TlsRptState state, List<Finding> findings) {}

    public Result check(String domain) {
        String name = "_smtp._tls." + domain;
        String subject = name + " TXT";
        List<String> records;
        try {
            records = TxtLookup.of(dns, name);
        } catch (DnsLookupException e) {
            return new Result(new TlsRptState(name, "lookup-failed", List.of(), null, false, null), List.of(TxtLookup.failed(subject, e)));
        }
        List<Finding> findings = new ArrayList<>();
        return switch (TlsRptRecordParser.select(records)) {
            case TxtSelection.None n -> {
                findings.add(new Finding("tlsrpt-record-missing", FindingSeverity.ERROR, subject,
                        "No TLS-RPT record (v=TLSRPTv1) is published at " + name + ", so senders send no TLS reports for " + domain + ".",
                        publishFix(name, domain, List.of())));
                yield new Result(new TlsRptState(name, "missing", records, null, false, publish(domain, List.of())), findings);
            }
            case TxtSelection.Multiple m -> {
                findings.add(new Finding("tlsrpt-record-invalid", FindingSeverity.ERROR, subject,
                        m.records().size() + " TXT records at " + name + " begin with v=TLSRPTv1; RFC 8460 §3: senders then use none.",
                        "Keep exactly one v=TLSRPTv1 record at " + name + " and delete the others."));
                yield new Result(new TlsRptState(name, "multiple", records, null, false, publish(domain, List.of())), findings);
            }
            case TxtSelection.One one -> parsed(domain, name, subject, records, one.record(), findings);
        };
    }

    private Result parsed(String domain, String name, String subject, List<String> records, String text, List<Finding> findings) {
        return switch (TlsRptRecordParser.parse(text)) {
            case TlsRptRecordParse.Valid v -> {
                if (!v.warnings().isEmpty()) {
                    findings.add(new Finding("tlsrpt-record-warning", FindingSeverity.INFO, subject,
                            "The TLS-RPT record is usable but not as RFC 8460 §3 writes it: " + String.join("; ",
                                    v.warnings().stream().map(Object::toString).toList()) + ".",
                            "Tidy the record so that every sender reads it the same way (./tlsrpt-hub record check shows where)."));
                }
                List<RuaDestination> rua = v.record().rua();
                boolean reaches = rua.stream().anyMatch(hub::reaches);
                String publish = null;
                if (!reaches && hub.known()) {
                    publish = publish(domain, rua);
                    findings.add(new Finding("tlsrpt-rua-elsewhere", FindingSeverity.WARNING, subject,
                            "The TLS-RPT record sends reports to " + String.join(", ", rua.stream().map(RuaDestination::decoded).toList())
                                    + ", none of which is this hub, so this hub sees no reports for " + domain + ".",
                            publishFix(name, domain, rua)));
                } else if (!hub.known()) {
                    findings.add(new Finding("hub-destinations-unknown", FindingSeverity.INFO, subject,
                            "Whether the rua reaches this hub is unknown: the hub has no smtp.recipients address, IMAP mailbox"
                                    + " address or https http.public-url configured.",
                            "Set smtp.recipients (or imap.<name>.user as an address, or http.public-url) to where reports reach this hub."));
                }
                yield new Result(new TlsRptState(name, "valid", records, rua.stream().map(RuaDestination::uri).toList(), reaches, publish), findings);
            }
            case TlsRptRecordParse.Malformed m -> {
                findings.add(new Finding("tlsrpt-record-invalid", FindingSeverity.ERROR, subject,
                        "The TLS-RPT record is malformed, so senders ignore it: " + m.error().reason()
                                + " (at character " + (m.error().offset() + 1) + " of '" + text + "').",
                        publishFix(name, domain, List.of())));
                yield new Result(new TlsRptState(name, "invalid", records, null, false, publish(domain, List.of())), findings);
            }
            case TlsRptRecordParse.NotTlsRpt n -> throw new IllegalStateException("selected record is not TLS-RPT: " + n.reason());
        };
    }

    /** The zone line that keeps {@code existing} destinations and adds this hub's, or null when the hub has none. */
    private String publish(String domain, List<RuaDestination> existing) {
        if (!hub.known() || hub.destinations().isEmpty()) return null;
        Map<String, RuaDestination> all = new LinkedHashMap<>();
        existing.forEach(d -> all.putIfAbsent(d.uri(), d));
        hub.destinations().forEach(d -> all.putIfAbsent(d.uri(), d));
        return TlsRptRecordGenerator.generate(List.copyOf(all.values())).zoneLine(domain);
    }

    private String publishFix(String name, String domain, List<RuaDestination> existing) {
        String line = publish(domain, existing);
        return line == null ? "Publish one TXT record at " + name + ": v=TLSRPTv1; rua=mailto:ADDRESS (an address whose mail reaches this hub)."
                : "Publish this record (and no other v=TLSRPTv1 record at the name): " + line;
    }
}
