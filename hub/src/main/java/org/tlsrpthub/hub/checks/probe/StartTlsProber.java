package org.tlsrpthub.hub.checks.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.LiveDns;
import org.tlsrpthub.hub.checks.MxDnssec;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.MxHost.AddressProbe;
import org.tlsrpthub.hub.checks.MxHost.CertificateInfo;
import org.tlsrpthub.hub.checks.MxHost.TlsSession;
import org.tlsrpthub.hub.checks.MxProbeResult;
import org.tlsrpthub.hub.checks.MxProber;

/**
 * The live check's MX prober: one STARTTLS session per address of the host (guard first, rate
 * limited per address), the certificate judged as an MTA-STS sender would, and DANE. Never throws
 * for what it meets on the network: everything is a finding.
 */
public final class StartTlsProber implements MxProber {
    private final ProbeSettings settings;
    private final StartTlsSession session;
    private final CertificateJudgement judgement;
    private final DaneCheck dane;

    public StartTlsProber(LiveDns dns, ProbeSettings settings) {
        this.settings = settings;
        this.session = new StartTlsSession(settings);
        this.judgement = new CertificateJudgement(ChainValidator.create(settings.caFile()), settings.expiresSoonDays());
        this.dane = new DaneCheck(dns);
    }

    @Override
    public MxProbeResult probe(String mxHost, int preference, List<InetAddress> addresses, MxDnssec dnssec) {
        String host = normal(mxHost);
        Map<Finding, List<String>> perAddress = new LinkedHashMap<>();
        List<AddressProbe> probes = new ArrayList<>();
        List<List<X509Certificate>> chains = new ArrayList<>();
        for (InetAddress a : addresses) {
            AddressObservation seen = observe(host, a);
            List<Finding> found = new ArrayList<>();
            CertificateInfo certificate = null;
            if (seen.outcome() == StartTlsOutcome.OFFERED && !seen.chain().isEmpty()) {
                CertificateJudgement.Verdict v = judgement.judge(host, host, seen.chain(), settings.clock().instant());
                certificate = v.info();
                found.addAll(v.findings());
                chains.add(seen.chain());
            }
            found.addAll(0, sessionFindings(seen));
            for (Finding f : found) perAddress.computeIfAbsent(f, k -> new ArrayList<>()).add(seen.address());
            probes.add(new AddressProbe(seen.address(), seen.outcome().id(), seen.detail(),
                    seen.greetingMillis() < 0 ? null : seen.greetingMillis(),
                    seen.protocol() == null ? null : new TlsSession(seen.protocol(), seen.cipher()), certificate));
        }
        List<Finding> findings = new ArrayList<>();
        perAddress.forEach((f, where) -> findings.add(new Finding(f.id(), f.severity(),
                host + " [" + String.join(", ", where) + "]", f.message(), f.fix())));
        DaneCheck.Result d = dane.check(host, chains, dnssec);
        findings.addAll(d.findings());
        AddressProbe first = probes.stream().filter(p -> p.tls() != null).findFirst().orElse(null);
        MxHost mx = new MxHost(host, preference, addresses.stream().map(InetAddress::getHostAddress).toList(),
                hostStartTls(probes), first == null ? null : first.tls(), first == null ? null : first.certificate(),
                d.host(), probes);
        return new MxProbeResult(mx, findings);
    }

    private AddressObservation observe(String host, InetAddress a) {
        String refusal = settings.guard().refusal(a);
        if (refusal != null) return AddressObservation.stopped(a.getHostAddress(), StartTlsOutcome.NOT_PROBED, refusal, -1);
        try {
            return settings.limiter().run(new InetSocketAddress(a, settings.smtpPort()), () -> session.run(host, a));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AddressObservation.stopped(a.getHostAddress(), StartTlsOutcome.NOT_PROBED, "the check was stopped", -1);
        }
    }

    /** Findings about the session itself; the subject is filled in when findings of all addresses are merged. */
    private List<Finding> sessionFindings(AddressObservation seen) {
        List<Finding> out = new ArrayList<>();
        if (seen.greetingMillis() > settings.slowGreetingAfter().toMillis()) out.add(MxFindings.greetingSlow("", seen.greetingMillis()));
        switch (seen.outcome()) {
            case OFFERED -> { }
            case NOT_PROBED -> out.add(MxFindings.addressNotPublic("", seen.detail()));
            case UNREACHABLE -> out.add(MxFindings.unreachable("", seen.detail()));
            case GREETING_REFUSED -> out.add(MxFindings.greetingRefused("", seen.detail()));
            case GREETING_TIMEOUT -> out.add(MxFindings.greetingTimeout("", seen.detail()
                    + " (waited " + settings.greetingTimeout().toSeconds() + " s)"));
            case PROTOCOL_ERROR -> out.add(MxFindings.protocolError("", seen.detail()));
            case NOT_OFFERED -> out.add(MxFindings.starttlsNotSupported("", seen.detail()));
            case HANDSHAKE_FAILED -> out.add(MxFindings.handshakeFailed("", seen.detail()));
        }
        return out;
    }

    /** "offered" only when every address completed a handshake, else the first other outcome. */
    private static String hostStartTls(List<AddressProbe> probes) {
        if (probes.isEmpty()) return "no-addresses";
        return probes.stream().map(AddressProbe::starttls).filter(s -> !s.equals(StartTlsOutcome.OFFERED.id()))
                .findFirst().orElse(StartTlsOutcome.OFFERED.id());
    }

    private static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
