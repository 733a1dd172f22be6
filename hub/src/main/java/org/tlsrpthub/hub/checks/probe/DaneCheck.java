package org.tlsrpthub.hub.checks.probe;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.checks.DnsAnswer;
import org.tlsrpthub.hub.checks.DnsLookupException;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxHost.DaneHost;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/**
 * DANE for one MX host (RFC 7672): the TLSA records at {@code _25._tcp.HOST}, trusted only when the
 * resolver authenticated them (AD bit) and the MX and address answers that led to the host too
 * (§2.2), matched against the chain each address presented. An unsigned zone or no TLSA is a fact
 * (info), not an error.
 */
final class DaneCheck {
    private final LiveDns dns;

    DaneCheck(LiveDns dns) {
        this.dns = dns;
    }

    record Result(DaneHost host, List<Finding> findings) {}

    /**
     * @param chains the chain each address presented in a completed handshake (addresses without one are left out)
     * @param dnssec whether the MX and address answers were authenticated
     */
    Result check(String host, List<List<X509Certificate>> chains, MxDnssec dnssec) {
        String name = "_25._tcp." + host;
        String subject = name + " TLSA";
        if (!dnssec.authenticated()) return insecureLookups(name, subject, dnssec.why());
        DnsAnswer answer;
        try {
            answer = dns.query(name, Type.TLSA);
        } catch (DnsLookupException e) {
            return e.servfail()
                    ? new Result(new DaneHost("invalid", false, List.of(), false), List.of(MxFindings.dnssecInvalid(subject, e.getMessage())))
                    : new Result(new DaneHost("unknown", false, List.of(), false), List.of(MxFindings.tlsaLookupFailed(subject, e.getMessage())));
        }
        List<TLSARecord> records = answer.of(TLSARecord.class);
        List<String> shown = records.stream().map(TLSARecord::rdataToString).toList();
        if (!answer.authenticated()) {
            String why = records.isEmpty() ? "not signed (the answer for " + name + " is not DNSSEC-authenticated)"
                    : "not signed: TLSA records exist but the answer is not DNSSEC-authenticated, so senders ignore them";
            return new Result(new DaneHost("inactive", false, shown, false), List.of(MxFindings.daneInactive(subject, why)));
        }
        if (records.isEmpty()) {
            return new Result(new DaneHost("inactive", true, shown, false),
                    List.of(MxFindings.daneInactive(subject, "the zone is signed but publishes no TLSA records for " + host)));
        }
        List<TLSARecord> usable = records.stream().filter(TlsaMatch::usable).toList();
        if (usable.isEmpty()) return new Result(new DaneHost("unusable", true, shown, false), List.of(MxFindings.tlsaUnusable(subject)));
        if (chains.isEmpty()) return new Result(new DaneHost("unverified", true, shown, false), List.of());
        List<Finding> findings = new ArrayList<>();
        for (List<X509Certificate> chain : chains) {
            if (usable.stream().noneMatch(r -> TlsaMatch.matches(r, chain))) {
                findings.add(MxFindings.tlsaInvalid(subject, "no TLSA record matches the certificate "
                        + CertificateJudgement.sha256(chain.get(0)) + " that " + host + " presented"));
            }
        }
        boolean matches = findings.isEmpty();
        return new Result(new DaneHost(matches ? "active" : "invalid", true, shown, matches), findings);
    }

    /**
     * A sender does not look for TLSA here at all (RFC 7672 §2.2). The records are still looked up,
     * to tell an operator who published them that senders ignore them; a failure of that lookup is
     * left out, since no sender would make it.
     */
    private Result insecureLookups(String name, String subject, String why) {
        List<String> shown = List.of();
        try {
            shown = dns.query(name, Type.TLSA).of(TLSARecord.class).stream().map(TLSARecord::rdataToString).toList();
        } catch (DnsLookupException e) {
            // see above: no sender asks, so its answer (or its failure) changes nothing
        }
        String words = why + (shown.isEmpty() ? "" : ", so senders ignore the TLSA records at " + name) + " (RFC 7672 §2.2)";
        return new Result(new DaneHost("inactive", false, shown, false), List.of(MxFindings.daneInactive(subject, words)));
    }
}
