package org.tlsrpthub.hub.checks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.checks.domain.MtaStsCheck;
import org.tlsrpthub.hub.checks.domain.MxCheck;
import org.tlsrpthub.hub.checks.domain.TlsRptRecordCheck;

/**
 * The live check of a domain: its TLS-RPT record, its MTA-STS record and policy, its MX hosts
 * (each probed by the {@link MxProber}) and the MX coverage by the policy. The one service that the
 * {@code check} command, the pages, the API and the scheduled rounds call. Everything found on the
 * network, a bad domain name included, becomes a finding; it does not throw for it.
 */
public final class CheckService implements DomainChecker {
    private final CheckOptions options;
    private final Clock clock;
    private final TlsRptRecordCheck tlsrpt;
    private final MtaStsCheck mtaSts;
    private final MxCheck mx;

    public CheckService(CheckOptions options, MxProber prober, Clock clock) {
        this.options = options;
        this.clock = clock;
        LiveDns dns = options.dns();
        this.tlsrpt = new TlsRptRecordCheck(dns, options.hub());
        this.mtaSts = new MtaStsCheck(dns, options, CheckTrust.of(options.caFile()));
        this.mx = new MxCheck(dns, options.guard(), prober);
    }

    public CheckOptions options() {
        return options;
    }

    @Override
    public DomainCheck check(String domain) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String name = DomainNames.toALabels(domain.strip()).orElse(null);
        if (name == null || !name.contains(".")) return invalidName(domain, at);
        TlsRptRecordCheck.Result r = tlsrpt.check(name);
        MtaStsCheck.Result s = mtaSts.check(name);
        MxCheck.Result m = mx.check(name, s.policy());
        List<Finding> findings = new ArrayList<>(r.findings());
        findings.addAll(s.findings());
        findings.addAll(m.findings());
        return new DomainCheck(name, at, findings, r.state(), s.state(), m.hosts(), DaneState.of(m.hosts()));
    }

    private static DomainCheck invalidName(String domain, Instant at) {
        String shown = domain.replaceAll("\\p{Cntrl}", "?");
        Finding f = new Finding("domain-invalid", FindingSeverity.ERROR, shown,
                "'" + shown + "' is not a domain name (letters, digits and hyphens in dot-separated labels, at least two labels),"
                        + " so nothing was looked up.",
                "Give the domain as it appears after the @ in addresses, e.g. example.com.");
        return new DomainCheck(shown, at, List.of(f), new TlsRptState(null, "not-checked", List.of(), null, false, null),
                new MtaStsState("not-checked", null, null, "not-fetched", null, null, null, null, null), List.of(),
                new DaneState("not-checked", "DANE not checked"));
    }
}
