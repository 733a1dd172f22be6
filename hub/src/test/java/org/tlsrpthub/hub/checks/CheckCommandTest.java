package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.cli.CapturedCli;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.PolicyServer;
import org.tlsrpthub.hub.testsupport.RecordingResolverProvider;
import org.tlsrpthub.hub.testsupport.ScriptedMx;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Script;
import org.tlsrpthub.hub.testsupport.TestCa;

/** {@code tlsrpt-hub check} through Main, against dnsmasq and an HTTPS policy host on loopback. */
class CheckCommandTest {
    private static PolicyServer policy;
    private static Dnsmasq dns;
    private static Path caPem;
    private static Path config;
    private static ScriptedMx mx1;
    private static ScriptedMx mx2;

    @BeforeAll
    static void servers(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.create("CLI test CA");
        caPem = CheckFixtures.caPem(ca, dir);
        policy = PolicyServer.serving(ca.issue(List.of("mta-sts.good.test"), 90), CheckFixtures.goodPolicy("good.test"));
        // the command probes every MX for real: two STARTTLS servers with good certificates, on one port
        mx1 = ScriptedMx.start("127.0.0.11", 0, Script.starttls(ca.issue(List.of("mx1.good.test"), 90)));
        mx2 = ScriptedMx.start("127.0.0.12", mx1.port(), Script.starttls(ca.issue(List.of("mx2.good.test"), 90)));
        dns = CheckFixtures.good(Dnsmasq.zone(), "good.test").host("bare.test", "127.0.0.40").start();
        // the hub's own address comes from the settings it already has
        config = Files.writeString(dir.resolve("hub.properties"), "smtp.recipients = tlsrpt@hub.test\n");
    }

    @AfterAll
    static void stop() throws Exception {
        mx1.close();
        mx2.close();
        policy.close();
        dns.close();
    }

    private static CapturedCli run(String... args) {
        return CapturedCli.run(args);
    }

    private static CapturedCli check(boolean allowPrivate, String... rest) {
        List<String> args = new ArrayList<>(List.of("check", "--config", config.toString(), "--resolver", dns.resolverSetting(),
                "--https-port", String.valueOf(policy.port()), "--smtp-port", String.valueOf(mx1.port()), "--ca-file", caPem.toString()));
        if (allowPrivate) args.add("--allow-private");
        args.addAll(List.of(rest));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aGoodDomainPrintsOneJsonObjectAndExitsZero() throws Exception {
        CapturedCli r = check(true, "--json", "good.test");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode c = Json.MAPPER.readTree(r.out());
        assertThat(c.isObject()).isTrue();
        assertThat(c.fieldNames()).toIterable().containsExactly("domain", "checked_at", "findings", "tlsrpt", "mta_sts", "mx", "dane");
        assertThat(c.get("domain").asText()).isEqualTo("good.test");
        assertThat(c.get("checked_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // dnsmasq does not sign: DANE inactive is a note, nothing else is found
        assertThat(c.get("findings")).extracting(f -> f.get("id").asText()).containsOnly("dane-inactive");
        assertThat(c.get("tlsrpt").get("status").asText()).isEqualTo("valid");
        assertThat(c.get("tlsrpt").get("reaches_hub").asBoolean()).isTrue();
        assertThat(c.get("mta_sts").get("policy_status").asText()).isEqualTo("valid");
        assertThat(c.get("mta_sts").get("mode").asText()).isEqualTo("enforce");
        for (JsonNode mx : c.get("mx")) {
            assertThat(mx.fieldNames()).toIterable().startsWith("host", "addresses", "starttls", "tls", "certificate");
        }
        assertThat(c.get("mx").get(0).get("host").asText()).isEqualTo("mx1.good.test");
        assertThat(c.get("mx").get(0).get("addresses").get(0).asText()).isEqualTo("127.0.0.11");
        assertThat(c.get("mx").get(0).get("starttls").asText()).isEqualTo("offered");
        assertThat(c.get("mx").get(0).get("certificate").get("days_to_expiry").asInt()).isBetween(89, 90);
        assertThat(c.get("dane").get("status").asText()).isEqualTo("inactive");
    }

    @Test
    void severalDomainsPrintAnArrayAndAnErrorExitsOne() throws Exception {
        CapturedCli r = check(true, "--json", "good.test", "bare.test");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode a = Json.MAPPER.readTree(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a).extracting(n -> n.get("domain").asText()).containsExactly("good.test", "bare.test");
        JsonNode missing = a.get(1).get("findings").get(0);
        assertThat(missing.fieldNames()).toIterable().containsExactly("id", "severity", "subject", "message", "fix");
        assertThat(missing.get("id").asText()).isEqualTo("tlsrpt-record-missing");
        assertThat(missing.get("severity").asText()).isEqualTo("error");
        assertThat(a.get(1).get("tlsrpt").get("publish").asText()).contains("rua=mailto:tlsrpt@hub.test");
        // bare.test has no MX, so the domain itself is probed, and nothing listens there: no handshake, yet the same keys
        JsonNode implicit = a.get(1).get("mx").get(0);
        assertThat(implicit.fieldNames()).toIterable().startsWith("host", "addresses", "starttls", "tls", "certificate");
        assertThat(implicit.get("host").asText()).isEqualTo("bare.test");
        assertThat(implicit.get("starttls").asText()).isEqualTo("unreachable");
        assertThat(implicit.get("tls").isNull()).isTrue();
        assertThat(implicit.get("certificate").isNull()).isTrue();
    }

    @Test
    void plainWordsNameEachFindingAndItsFix() {
        CapturedCli ok = check(true, "good.test");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("good.test", "TLS-RPT  valid", "(reaches this hub)", "policy valid: mode enforce", "mx1.good.test",
                "0 errors, 0 warnings");
        CapturedCli bad = check(true, "bare.test");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("error tlsrpt-record-missing (_smtp._tls.bare.test TXT)", "fix: Publish this record",
                "publish: _smtp._tls.bare.test. IN TXT");
    }

    @Test
    void withoutAllowPrivateLoopbackTargetsAreRefused() throws Exception {
        CapturedCli r = check(false, "--json", "good.test");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode c = Json.MAPPER.readTree(r.out());
        assertThat(c.get("findings")).extracting(f -> f.get("id").asText()).containsOnly("target-refused");
        assertThat(c.get("mta_sts").get("policy_status").asText()).isEqualTo("not-fetched");
    }

    /**
     * DNS rebinding: the addresses judged by the guard must be the ones connected to, so no name is
     * ever handed to the JVM's resolver (which could answer otherwise, or from its cache).
     */
    @Test
    void everyNameIsResolvedByTheChecksResolverAloneNeverByTheJvms() throws Exception {
        CapturedCli r = check(true, "--json", "good.test");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode c = Json.MAPPER.readTree(r.out());
        assertThat(c.get("mta_sts").get("policy_status").asText()).isEqualTo("valid");
        assertThat(c.get("mx")).extracting(m -> m.get("starttls").asText()).containsOnly("offered");
        for (String name : List.of("good.test", "mta-sts.good.test", "mx1.good.test", "mx2.good.test", "_mta-sts.good.test")) {
            assertThat(RecordingResolverProvider.lookedUp(name)).as(name + " asked of the JVM's resolver").isFalse();
        }
    }

    @Test
    void aBadDomainIsAFindingNotACrash() throws Exception {
        CapturedCli r = check(true, "--json", "not a domain");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(r.out()).get("findings").get(0).get("id").asText()).isEqualTo("domain-invalid");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("check").exitCode()).isEqualTo(2);
        CapturedCli resolver = run("check", "--resolver", "127.0.0.1:notaport", "good.test");
        assertThat(resolver.exitCode()).isEqualTo(2);
        assertThat(resolver.err()).contains("--resolver", "not host:port");
        CapturedCli ca = run("check", "--ca-file", "/nonexistent/ca.pem", "good.test");
        assertThat(ca.exitCode()).isEqualTo(2);
        assertThat(ca.err()).contains("--ca-file", "/nonexistent/ca.pem");
        assertThat(run("check", "--https-port", "0", "good.test").exitCode()).isEqualTo(2);
        CapturedCli notPem = run("check", "--ca-file", config.toString(), "good.test");
        assertThat(notPem.exitCode()).isEqualTo(2);
        assertThat(notPem.err()).contains("--ca-file", "does not hold PEM certificates");
    }
}
