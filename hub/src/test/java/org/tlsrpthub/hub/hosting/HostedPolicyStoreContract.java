package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.hosting.HostedPolicyStore.Draft;
import org.tlsrpthub.hub.hosting.HostedVersion.Action;
import org.tlsrpthub.hub.store.Database;

/** Hosted policy versions on a real database; run on SQLite and PostgreSQL. */
abstract class HostedPolicyStoreContract {
    static final Instant T0 = Instant.parse("2026-03-01T10:20:30Z");

    protected abstract String emptyDatabaseUrl();

    Database db;

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Optional<HostedVersion> newest(String domain) throws Exception {
        return db.withConnection(c -> HostedPolicyStore.newest(c, domain));
    }

    private Optional<HostedVersion> newestAt(Instant at) throws Exception {
        return db.withConnection(c -> HostedPolicyStore.newestAt(c, "a.test", at));
    }

    private List<HostedVersion> history(String domain) throws Exception {
        return db.withConnection(c -> HostedPolicyStore.history(c, domain));
    }

    private List<String> domains() throws Exception {
        return db.withConnection(HostedPolicyStore::domains);
    }

    static MtaStsPolicy policy(PolicyMode mode, long maxAge, String... mx) {
        return new MtaStsPolicy(mode, maxAge, List.of(mx).stream().map(MxPattern::of).toList());
    }

    @Test
    void versionsAreNumberedPerDomainAndEachGetsItsOwnId() throws Exception {
        HostedVersion first = db.inTransaction(c -> HostedPolicyStore.append(c, new Draft("a.test",
                policy(PolicyMode.TESTING, 86_400, "mx1.a.test", "*.a.test"), Action.CREATE, null, null, "ana", T0, null)));
        HostedVersion second = db.inTransaction(c -> HostedPolicyStore.append(c, new Draft("a.test",
                policy(PolicyMode.ENFORCE, 604_800, "mx1.a.test", "*.a.test"), Action.PROMOTE, "every sender clean", "not-ready", "ana", T0, null)));
        HostedVersion other = db.inTransaction(c -> HostedPolicyStore.append(c, new Draft("b.test",
                policy(PolicyMode.TESTING, 86_400, "mx.b.test"), Action.IMPORT, null, null, "cli", T0, null)));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(other.version()).isEqualTo(1);
        assertThat(first.policyId()).isEqualTo("20260301102030v1").isNotEqualTo(second.policyId());
        assertThat(second.txtRecord()).isEqualTo("v=STSv1; id=20260301102030v2;");
        assertThat(second.text()).isEqualTo("version: STSv1\r\nmode: enforce\r\nmx: mx1.a.test\r\nmx: *.a.test\r\nmax_age: 604800\r\n");

        assertThat(newest("a.test")).contains(second);
        assertThat(history("a.test")).containsExactly(second, first);
        assertThat(newest("c.test")).isEmpty();
        assertThat(domains()).containsExactly("a.test", "b.test");
    }

    @Test
    void theVersionAtAnInstantIsTheNewestCreatedByThen() throws Exception {
        db.inTransaction(c -> HostedPolicyStore.append(c, new Draft("a.test", policy(PolicyMode.TESTING, 86_400, "mx.a.test"),
                Action.CREATE, null, null, "ana", T0, null)));
        Instant later = T0.plus(Duration.ofDays(3));
        HostedVersion none = db.inTransaction(c -> HostedPolicyStore.append(c, new Draft("a.test", policy(PolicyMode.NONE, 86_400),
                Action.ROLLBACK, "MX moved", null, "ana", later, later.plus(Duration.ofDays(1)))));

        assertThat(newestAt(T0.plusSeconds(1)).orElseThrow().version()).isEqualTo(1);
        assertThat(newestAt(later).orElseThrow()).isEqualTo(none);
        assertThat(newestAt(T0.minusSeconds(1))).isEmpty();
        assertThat(none.servedAt(later.plus(Duration.ofHours(23)))).isTrue();
        assertThat(none.servedAt(later.plus(Duration.ofDays(1)))).isFalse();
        assertThat(none.text()).isEqualTo("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n");
    }
}
