package org.tlsrpthub.hub.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.MtaStsState;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.TlsRptState;

/**
 * Made-up live checks of the shape the check engine stores, for the coverage benchmark: the
 * {@code n}-th domain gets one of a few states (all well, TLS-RPT missing, a certificate expiring
 * soon, STARTTLS missing on an MX), two MX hosts each.
 */
public final class SampleChecks {
    private SampleChecks() {}

    public static DomainCheck of(String domain, int n, Instant at) {
        boolean noTlsrpt = n % 7 == 3, expiring = n % 11 == 5, noStarttls = n % 13 == 7;
        List<Finding> findings = new ArrayList<>();
        if (noTlsrpt) findings.add(new Finding("tlsrpt-record-missing", FindingSeverity.ERROR, "_smtp._tls." + domain + " TXT",
                "no TLS-RPT record", "publish the record shown"));
        if (expiring) findings.add(new Finding("certificate-expires-soon", FindingSeverity.WARNING, "mx1." + domain,
                "the certificate expires in 9 days", "renew it"));
        if (noStarttls) findings.add(new Finding("starttls-not-supported", FindingSeverity.ERROR, "mx2." + domain,
                "STARTTLS is not offered", "turn STARTTLS on"));
        String publish = "_smtp._tls." + domain + ". IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@hub.example.net\"";
        TlsRptState tlsrpt = noTlsrpt ? new TlsRptState("_smtp._tls." + domain, "missing", List.of(), List.of(), false, publish)
                : new TlsRptState("_smtp._tls." + domain, "valid", List.of("v=TLSRPTv1; rua=mailto:tlsrpt@hub.example.net"),
                        List.of("mailto:tlsrpt@hub.example.net"), true, null);
        MtaStsState sts = new MtaStsState("valid", "v=STSv1; id=20260101", "20260101", "valid",
                "https://mta-sts." + domain + "/.well-known/mta-sts.txt", "enforce", 604800L, List.of("*." + domain),
                "version: STSv1\nmode: enforce\nmx: *." + domain + "\nmax_age: 604800\n");
        List<MxHost> mx = List.of(mx("mx1." + domain, 10, n, expiring ? 9 : 80, true), mx("mx2." + domain, 20, n + 1, 80, !noStarttls));
        return new DomainCheck(domain, at, findings, tlsrpt, sts, mx, new DaneState("inactive", "DANE inactive: not signed"));
    }

    private static MxHost mx(String host, int preference, int n, int days, boolean starttls) {
        MxHost.CertificateInfo cert = starttls ? new MxHost.CertificateInfo("CN=" + host, List.of(host), "CN=Bench CA",
                "2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z", days, "EC", 256, true, true, String.format("%064x", n)) : null;
        return new MxHost(host, preference, List.of("192.0.2." + (1 + n % 250)), starttls ? "offered" : "not-offered",
                starttls ? new MxHost.TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256") : null, cert, null);
    }
}
