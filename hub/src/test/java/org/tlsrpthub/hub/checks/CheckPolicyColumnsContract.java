package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;

/**
 * The fetched policy of each stored check as columns (V69): filled from the JSON bodies of checks
 * stored before the migration, written with every check after it, and read back as the body says;
 * run on SQLite and PostgreSQL.
 */
abstract class CheckPolicyColumnsContract {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    protected abstract String emptyDatabaseUrl();

    private static final List<DomainCheck> CHECKS = List.of(
            check(0, new MtaStsState("valid", "v=STSv1; id=1", "1", "valid", "https://mta-sts.a.test/.well-known/mta-sts.txt",
                    "testing", 86_400L, List.of("mx1.a.test", "*.b.a.test"), "version: STSv1\nmode: testing\n")),
            check(1, new MtaStsState("valid", "v=STSv1; id=2", "2", "fetch-error", "https://mta-sts.a.test/.well-known/mta-sts.txt",
                    null, null, null, null)),
            check(2, null),
            check(3, new MtaStsState("valid", "v=STSv1; id=3", "3", "valid", "https://mta-sts.a.test/.well-known/mta-sts.txt",
                    "enforce", null, List.of(), "version: STSv1\nmode: enforce\n")));

    private static DomainCheck check(int hour, MtaStsState sts) {
        return new DomainCheck("a.test", T0.plusSeconds(3600L * hour), List.of(), null, sts, List.of(), new DaneState("inactive", ""));
    }

    @Test
    void checksStoredBeforeTheColumnsAndAfterReadBackTheirBodysPolicy() throws Exception {
        String url = emptyDatabaseUrl();
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/" + Dialect.of(url).name().toLowerCase(Locale.ROOT)).target("68").load().migrate();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO check_result (domain, checked_at, source, errors, warnings, reaches_hub, mx_count, policy_status,
                                          policy_mode, body)
                VALUES ('a.test', ?, 'schedule', 0, 0, 0, 0, ?, ?, ?)""")) {
            for (DomainCheck check : CHECKS) {
                CheckFacts f = CheckFacts.of(check); // the columns a store before V69 wrote
                ps.setLong(1, check.checkedAt().toEpochMilli());
                ps.setString(2, f.policyStatus());
                ps.setString(3, f.policyMode());
                ps.setString(4, Json.text(check));
                ps.executeUpdate();
            }
        }
        try (Database db = Database.open(url)) {
            List<FetchedPolicy> expected = new ArrayList<>();
            for (DomainCheck check : CHECKS.reversed()) expected.add(fetched(check));
            List<FetchedPolicy> migrated = db.withConnection(c -> CheckStore.policiesAt(c, "a.test", T0.plusSeconds(3 * 3600), 10));
            assertThat(migrated).as("filled by the migration").isEqualTo(expected);

            CheckStore store = new CheckStore(db, 100);
            for (int i = 0; i < CHECKS.size(); i++) store.save(check(10 + i, CHECKS.get(i).mtaSts()), "schedule");
            List<FetchedPolicy> saved = db.withConnection(c -> CheckStore.policiesAt(c, "a.test", T0.plusSeconds(13 * 3600), 4));
            assertThat(saved).extracting(FetchedPolicy::status, FetchedPolicy::mode, FetchedPolicy::mx, FetchedPolicy::maxAge)
                    .as("written by save").isEqualTo(expected.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.status(), p.mode(),
                            p.mx(), p.maxAge())).toList());
        }
    }

    private static FetchedPolicy fetched(DomainCheck check) {
        MtaStsState s = check.mtaSts();
        return new FetchedPolicy(check.checkedAt(), s == null ? null : s.policyStatus(), s == null ? null : s.mode(),
                s == null || s.mx() == null ? List.of() : s.mx(), s == null ? null : s.maxAge());
    }
}
