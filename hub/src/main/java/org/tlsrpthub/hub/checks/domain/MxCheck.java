package org.tlsrpthub.hub.checks.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.checks.DnsAnswer;
import org.tlsrpthub.hub.checks.DnsLookupException;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.checks.MxProber;
import org.tlsrpthub.hub.net.OutboundGuard;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The domain's MX hosts: the MX lookup (a null MX is reported as such; no MX means the domain
 * itself, RFC 5321 §5.1), each host's addresses, the outbound guard on each address, the prober on
 * those allowed, and the coverage against the MTA-STS policy both ways.
 */
public final class MxCheck {
    private final LiveDns dns;
    private final OutboundGuard guard;
    private final MxProber prober;

    public MxCheck(LiveDns dns, OutboundGuard guard, MxProber prober) {
        this.dns = dns;
        this.guard = guard;
        this.prober = prober;
    }

    public record Result(List<MxHost> hosts, List<Finding> findings) {}

    /** @param mxAuthenticated the MX answer that named it was DNSSEC-authenticated */
    private record Target(String host, int preference, boolean mxAuthenticated) {}

    /** @param policy the domain's valid MTA-STS policy, null when it has none */
    public Result check(String domain, MtaStsPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        List<Target> targets = targets(domain, findings);
        List<MxHost> hosts = new ArrayList<>();
        for (Target t : targets) hosts.add(host(domain, t, findings));
        if (policy != null && policy.mode() != PolicyMode.NONE) coverage(domain, policy, targets, findings);
        return new Result(hosts, findings);
    }

    private List<Target> targets(String domain, List<Finding> findings) {
        String subject = domain + " MX";
        DnsAnswer answer;
        try {
            answer = dns.query(domain, Type.MX);
        } catch (DnsLookupException e) {
            findings.add(TxtLookup.failed(subject, e));
            return List.of();
        }
        if (answer.nxdomain()) {
            findings.add(new Finding("domain-not-found", FindingSeverity.ERROR, domain,
                    domain + " does not exist in DNS (NXDOMAIN from " + dns.resolverName() + ").",
                    "Check the spelling of the domain, or its delegation at the parent zone."));
            return List.of();
        }
        List<MXRecord> mx = answer.of(MXRecord.class);
        List<MXRecord> nullMx = mx.stream().filter(r -> r.getTarget().equals(Name.root)).toList();
        if (!nullMx.isEmpty()) {
            boolean alone = nullMx.size() == mx.size();
            findings.add(new Finding("mx-null", alone ? FindingSeverity.INFO : FindingSeverity.WARNING, subject,
                    alone ? domain + " publishes a null MX (0 .): it accepts no mail (RFC 7505), so no STARTTLS or MTA-STS applies."
                            : domain + " publishes a null MX (0 .) beside other MX records; RFC 7505 §3 says a null MX must be the only one.",
                    alone ? "Nothing to do if " + domain + " should receive no mail." : "Remove the null MX, or the other MX records."));
        }
        List<Target> targets = mx.stream().filter(r -> !r.getTarget().equals(Name.root))
                .map(r -> new Target(r.getTarget().toString(true).toLowerCase(Locale.ROOT), r.getPriority(), answer.authenticated()))
                .distinct().sorted(Comparator.comparingInt(Target::preference).thenComparing(Target::host)).toList();
        if (targets.isEmpty() && nullMx.isEmpty()) {
            findings.add(new Finding("mx-implicit", FindingSeverity.INFO, subject,
                    domain + " has no MX record, so senders deliver to " + domain + " itself (implicit MX, RFC 5321 §5.1).",
                    "Publish an MX record naming the host that receives mail for " + domain + "."));
            return List.of(new Target(domain, 0, answer.authenticated()));
        }
        return targets;
    }

    private MxHost host(String domain, Target t, List<Finding> findings) {
        AddressLookup lookup = AddressLookup.of(dns, t.host());
        List<String> all = AddressLookup.texts(lookup.addresses());
        if (lookup.addresses().isEmpty()) {
            if (!lookup.failures().isEmpty()) {
                lookup.failures().forEach(f -> findings.add(new Finding("dns-lookup-failed", FindingSeverity.ERROR, t.host(),
                        "The DNS lookup got no usable answer: " + f + ".", "Make the name servers of " + t.host() + " answer A and AAAA questions.")));
            } else {
                findings.add(new Finding("mx-no-address", FindingSeverity.ERROR, t.host(),
                        t.host() + " has no A or AAAA record, so senders cannot deliver to it.",
                        "Publish the address of " + t.host() + ", or remove it from the MX records."));
            }
            return new MxHost(t.host(), t.preference(), all, "no-address", null, null, null);
        }
        List<InetAddress> allowed = new ArrayList<>();
        for (InetAddress a : lookup.addresses()) {
            String refusal = guard.refusal(a);
            if (refusal == null) allowed.add(a);
            else findings.add(Refusals.finding(a, t.host(), refusal));
        }
        if (allowed.isEmpty()) return new MxHost(t.host(), t.preference(), all, "not-probed", null, null, null);
        MxProbeResult probed = prober.probe(t.host(), t.preference(), allowed, dnssec(domain, t, lookup));
        findings.addAll(probed.findings());
        MxHost m = probed.mx();
        return new MxHost(m.host(), m.preference(), all, m.starttls(), m.tls(), m.certificate(), m.dane(), m.probes());
    }

    private static MxDnssec dnssec(String domain, Target t, AddressLookup lookup) {
        if (!t.mxAuthenticated()) return MxDnssec.notAuthenticated("the MX lookup of " + domain + " is not DNSSEC-authenticated");
        if (!lookup.authenticated()) return MxDnssec.notAuthenticated("the address lookup of " + t.host() + " is not DNSSEC-authenticated");
        return MxDnssec.AUTHENTICATED;
    }

    private static void coverage(String domain, MtaStsPolicy policy, List<Target> targets, List<Finding> findings) {
        boolean enforce = policy.mode() == PolicyMode.ENFORCE;
        String patterns = String.join(", ", policy.mx().stream().map(MxPattern::pattern).toList());
        for (Target t : targets) {
            if (policy.matches(t.host())) continue;
            findings.add(new Finding("mx-not-in-policy", enforce ? FindingSeverity.ERROR : FindingSeverity.WARNING, t.host(),
                    "The MX host " + t.host() + " matches no mx pattern of the MTA-STS policy (" + patterns + "), so senders "
                            + (enforce ? "refuse to deliver to it (mode enforce)." : "report every delivery to it as a failure (mode testing)."),
                    "Add 'mx: " + t.host() + "' (or a wildcard covering it) to the policy and change the id in _mta-sts." + domain + "."));
        }
        for (MxPattern p : policy.mx()) {
            if (targets.stream().anyMatch(t -> p.matches(t.host()))) continue;
            findings.add(new Finding("policy-pattern-unused", FindingSeverity.WARNING, "mx: " + p.pattern(),
                    "The policy pattern " + p.pattern() + " matches none of " + domain + "'s MX hosts ("
                            + String.join(", ", targets.stream().map(Target::host).toList()) + ").",
                    "Remove the stale 'mx: " + p.pattern() + "' line (a forgotten host there could receive " + domain
                            + "'s mail), or fix the MX records if that host should receive mail."));
        }
    }
}
