package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Dnsmasq;
import org.tlsrpthub.hub.testsupport.PolicyServer;
import org.tlsrpthub.hub.testsupport.ScriptedMx;
import org.tlsrpthub.hub.testsupport.ScriptedMx.Script;
import org.tlsrpthub.hub.testsupport.TestCa;

/**
 * A hub as {@code serve} builds it, with the {@code check} command's options given as settings
 * ({@code checks.resolver}, {@code checks.https-port}, {@code checks.smtp-port}, {@code checks.ca-file},
 * {@code checks.allow-private}): "check now" through the API reaches the loopback peers they name,
 * and without {@code checks.allow-private} it refuses them.
 */
class ServeCheckSettingsTest {
    @TempDir static Path dir;
    static PolicyServer policy;
    static ScriptedMx mx1;
    static ScriptedMx mx2;
    static Dnsmasq dns;
    static Path caPem;

    @BeforeAll
    static void peers() throws Exception {
        TestCa ca = TestCa.create("Serve settings test CA");
        caPem = CheckFixtures.caPem(ca, dir);
        policy = PolicyServer.serving(ca.issue(List.of("mta-sts.good.test"), 90), CheckFixtures.goodPolicy("good.test"));
        mx1 = ScriptedMx.start("127.0.0.11", 0, Script.starttls(ca.issue(List.of("mx1.good.test"), 90)));
        mx2 = ScriptedMx.start("127.0.0.12", mx1.port(), Script.starttls(ca.issue(List.of("mx2.good.test"), 90)));
        dns = CheckFixtures.good(Dnsmasq.zone(), "good.test").start();
    }

    @AfterAll
    static void stop() throws Exception {
        mx1.close();
        mx2.close();
        policy.close();
        dns.close();
    }

    /** The check that "check now" stored, through the API of a hub with these settings. */
    private static JsonNode checkNow(Path store, boolean allowPrivate) throws Exception {
        Map<String, String> s = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0", "checks.schedule", "false",
                "smtp.recipients", "tlsrpt@hub.test", "checks.resolver", dns.resolverSetting(),
                "checks.https-port", Integer.toString(policy.port()), "checks.smtp-port", Integer.toString(mx1.port()),
                "checks.ca-file", caPem.toString()));
        if (allowPrivate) s.put("checks.allow-private", "true");
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(store))) {
            new DomainStore(db, Clock.systemUTC()).add("good.test", Actor.cli());
            AccessService access = new AccessService(db, Clock.systemUTC());
            access.addUser("ops", "ops password 123".toCharArray(), true);
            String token = access.createToken("ops", "checks").secret();
            try (Hub hub = new Hub(Settings.of(s), db, Clock.systemUTC(), x -> List.of()).start()) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                hub.http().baseUrl().resolve("/api/v1/domains/good.test/checks"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                return Json.MAPPER.readTree(r.body()).get("check");
            }
        }
    }

    @Test
    void theChecksSettingsTakeServesChecksToTheNamedResolverPortsAndCa() throws Exception {
        int before = mx1.sessions();
        JsonNode c = checkNow(dir.resolve("allowed"), true);
        assertThat(c.get("findings")).extracting(f -> f.get("id").asText()).containsOnly("dane-inactive");
        assertThat(c.at("/tlsrpt/reaches_hub").asBoolean()).isTrue();
        assertThat(c.at("/mta_sts/policy_status").asText()).isEqualTo("valid");
        assertThat(c.get("mx")).extracting(m -> m.get("starttls").asText()).containsExactly("offered", "offered");
        assertThat(c.at("/mx/0/certificate/trusted").asBoolean()).as("trusted through checks.ca-file").isTrue();
        assertThat(mx1.sessions()).isEqualTo(before + 1);
    }

    @Test
    void withoutAllowPrivateServeRefusesTheLoopbackTargets() throws Exception {
        int before = mx1.sessions() + mx2.sessions();
        JsonNode c = checkNow(dir.resolve("strict"), false);
        assertThat(c.get("findings")).extracting(f -> f.get("id").asText()).containsOnly("target-refused");
        assertThat(c.at("/mta_sts/policy_status").asText()).isEqualTo("not-fetched");
        assertThat(mx1.sessions() + mx2.sessions()).isEqualTo(before);
    }
}
