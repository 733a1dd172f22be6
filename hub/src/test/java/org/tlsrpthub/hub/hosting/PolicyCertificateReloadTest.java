package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.RawHttp.request;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.metrics.PolicyMetrics;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.RawHttp;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * A renewed policy-host certificate is served without a restart: the listener looks at its
 * certificates directory on a timer (here every 100 ms instead of every minute) and a TLS client
 * on loopback gets the new certificate on its next connection; a renewal half written is refused
 * and the previous certificate stays in use.
 */
class PolicyCertificateReloadTest {
    static final String HOST = "mta-sts.a.test";

    @TempDir Path dir;
    TestCa ca;
    SSLContext trust;
    Path certs;
    Database db;
    PolicyListener listener;
    HostedVersion hosted;

    @BeforeEach
    void start() throws Exception {
        ca = TestCa.create("Reload test CA");
        trust = PemTls.trusting(ca.writePem(dir.resolve("ca.pem")));
        certs = Files.createDirectory(dir.resolve("certs"));
        ca.issue(List.of(HOST), 30).writePem(certs, HOST);
        db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("store")));
        hosted = HostedPolicies.host(db, "a.test", PolicyMode.ENFORCE, 1_209_600, Instant.now(), "mx1.a.test");
        Settings s = Settings.of(Map.of("mta-sts.https.port", "0", "mta-sts.certificates", certs.toString()));
        PolicyServing serving = new PolicyServing(db, Clock.systemUTC(), new PolicyMetrics(new PrometheusRegistry()));
        listener = new PolicyListener(PolicyListener.setup(s).orElseThrow(), serving, Duration.ofMillis(100)).start();
    }

    @AfterEach
    void stop() {
        if (listener != null) listener.close();
        if (db != null) db.close();
    }

    /** A new TLS connection's answer, with the certificate the listener presented. */
    private RawHttp.Response fetch() throws Exception {
        return RawHttp.tls(listener.baseUrl().getPort(), HOST, trust, request("GET", PolicyFileRoutes.PATH, HOST));
    }

    private BigInteger served() throws Exception {
        return fetch().certificate().getSerialNumber();
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        BigInteger first = served();
        TestCa.Leaf renewed = ca.issue(List.of(HOST), 90);
        renewed.writePem(certs, HOST);
        Await.until(() -> served().equals(renewed.certificate().getSerialNumber()));
        RawHttp.Response r = fetch();
        assertThat(r.certificate().getNotAfter()).isEqualTo(renewed.certificate().getNotAfter());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(hosted.text());
        assertThat(first).isNotEqualTo(renewed.certificate().getSerialNumber());
        assertThat(listener.reloadCertificates()).isEqualTo(PolicyCertificateReload.Outcome.UNCHANGED);
    }

    @Test
    void aRenewalHalfWrittenIsRefusedAndThePreviousCertificateStaysInUse() throws Exception {
        BigInteger first = served();
        // the new certificate is there, its key not yet: the pair does not match
        TestCa.Leaf renewed = ca.issue(List.of(HOST), 90);
        Path[] written = renewed.writePem(dir, "renewed");
        Files.copy(written[0], certs.resolve(HOST + ".crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PolicyCertificateReload.Outcome outcome = listener.reloadCertificates();
        // the timer may have looked first; either way the half-written pair was refused, never served
        assertThat(outcome).isIn(PolicyCertificateReload.Outcome.REFUSED, PolicyCertificateReload.Outcome.UNCHANGED);
        assertThat(served()).isEqualTo(first);

        Files.copy(written[1], certs.resolve(HOST + ".key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Await.until(() -> served().equals(renewed.certificate().getSerialNumber()));
    }

    @Test
    void aNewPolicyHostIsServedOnceItsPairAppears() throws Exception {
        HostedPolicies.host(db, "b.test", PolicyMode.TESTING, 604_800, Instant.now(), "mx1.b.test");
        ca.issue(List.of("mta-sts.b.test"), 30).writePem(certs, "mta-sts.b.test");
        Await.until(() -> listener.hosts().contains("mta-sts.b.test"));
        RawHttp.Response b = RawHttp.tls(listener.baseUrl().getPort(), "mta-sts.b.test", trust,
                request("GET", PolicyFileRoutes.PATH, "mta-sts.b.test"));
        assertThat(b.certificate().getSubjectAlternativeNames()).containsExactly(List.of(2, "mta-sts.b.test"));
        assertThat(b.status()).isEqualTo(200);
        assertThat(listener.hosts()).containsExactly(HOST, "mta-sts.b.test");
    }
}
