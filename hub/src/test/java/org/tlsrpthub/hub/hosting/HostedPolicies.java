package org.tlsrpthub.hub.hosting;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.hosting.HostedPolicyStore.Draft;
import org.tlsrpthub.hub.hosting.HostedVersion.Action;
import org.tlsrpthub.hub.store.Database;

/** Hosted versions written as the editing service would, for the serving tests. */
final class HostedPolicies {
    private HostedPolicies() {}

    static HostedVersion host(Database db, String domain, PolicyMode mode, long maxAge, Instant at, String... mx) throws SQLException {
        return append(db, domain, mode, maxAge, at, null, mx);
    }

    /** A rollback to mode none, served until {@code serveUntil}. */
    static HostedVersion retire(Database db, String domain, Instant at, Instant serveUntil) throws SQLException {
        return append(db, domain, PolicyMode.NONE, 86_400, at, serveUntil);
    }

    private static HostedVersion append(Database db, String domain, PolicyMode mode, long maxAge, Instant at, Instant serveUntil,
            String... mx) throws SQLException {
        MtaStsPolicy p = new MtaStsPolicy(mode, maxAge, List.of(mx).stream().map(MxPattern::of).toList());
        Action action = serveUntil == null ? Action.CREATE : Action.ROLLBACK;
        return db.inTransaction(c -> HostedPolicyStore.append(c, new Draft(domain, p, action, null, null, "test", at, serveUntil)));
    }
}
