package org.tlsrpthub.hub.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Live checks built by hand, as the check engine would return them: a domain that is all well
 * (TLS-RPT reaching the hub, MTA-STS enforce with id "1", one MX with STARTTLS and a trusted
 * certificate), changed one fact at a time.
 */
final class CheckFixture {
    private final String domain;
    private Instant at;
    private final List<Finding> findings = new ArrayList<>();
    private TlsRptState tlsrpt;
    private String policyId = "1";
    private String policyText;
    private final List<MxHost> mx = new ArrayList<>();

    private CheckFixture(String domain, Instant at) {
        this.domain = domain;
        this.at = at;
        this.tlsrpt = new TlsRptState("_smtp._tls." + domain, "valid", List.of("v=TLSRPTv1; rua=mailto:r@hub.test"),
                List.of("mailto:r@hub.test"), true, null);
        this.policyText = "version: STSv1\nmode: enforce\nmx: mx1." + domain + "\nmax_age: 86400\n";
        mx.add(host("mx1." + domain, "aa", "2026-09-01T00:00:00Z", 90, true));
    }

    static CheckFixture healthy(String domain, Instant at) {
        return new CheckFixture(domain, at);
    }

    static MxHost host(String name, String sha256, String notAfter, long days, boolean trusted) {
        return new MxHost(name, 10, List.of("192.0.2.1"), "offered", new MxHost.TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                new MxHost.CertificateInfo("CN=" + name, List.of(name), "CN=Test CA", "2026-01-01T00:00:00Z", notAfter, days, "EC", 256,
                        trusted, true, sha256), null);
    }

    static MxHost noStarttls(String name) {
        return new MxHost(name, 20, List.of("192.0.2.2"), "not-offered", null, null, null);
    }

    CheckFixture at(Instant when) {
        at = when;
        return this;
    }

    CheckFixture finding(String id, FindingSeverity severity, String subject) {
        findings.add(new Finding(id, severity, subject, id + " on " + subject, "fix " + id));
        return this;
    }

    CheckFixture noTlsrpt() {
        tlsrpt = new TlsRptState("_smtp._tls." + domain, "missing", List.of(), List.of(), false,
                "_smtp._tls." + domain + ". IN TXT \"v=TLSRPTv1; rua=mailto:r@hub.test\"");
        return finding("tlsrpt-record-missing", FindingSeverity.ERROR, "_smtp._tls." + domain + " TXT");
    }

    CheckFixture policyId(String id) {
        policyId = id;
        return this;
    }

    CheckFixture policyText(String text) {
        policyText = text;
        return this;
    }

    CheckFixture mx(MxHost... hosts) {
        mx.clear();
        mx.addAll(List.of(hosts));
        return this;
    }

    DomainCheck build() {
        MtaStsState sts = new MtaStsState("valid", "v=STSv1; id=" + policyId, policyId, "valid",
                "https://mta-sts." + domain + "/.well-known/mta-sts.txt", "enforce", 86400L, List.of("mx1." + domain), policyText);
        return new DomainCheck(domain, at, findings, tlsrpt, sts, mx, new DaneState("inactive", "DANE inactive: not signed"));
    }
}
