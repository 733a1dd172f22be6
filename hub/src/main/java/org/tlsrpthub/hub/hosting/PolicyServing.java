package org.tlsrpthub.hub.hosting;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.hub.store.Database;

/**
 * What the hub serves at {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}: the domain's newest
 * hosted version, while it is served (a mode none version only until its serve_until). Read from
 * the store at every request, one indexed query, so that every node sharing the database serves a
 * change at once. The policy route, the Caddy {@code ask} endpoint and the {@code mta-sts served}
 * command all ask here.
 */
public final class PolicyServing {
    private final Database db;
    private final Clock clock;
    private final ServingObserver observer;

    public PolicyServing(Database db, Clock clock, ServingObserver observer) {
        this.db = db;
        this.clock = clock;
        this.observer = observer;
    }

    /** The version to serve for a request with this Host header; empty means 404. Counted. */
    public Optional<HostedVersion> forHost(String hostHeader) throws SQLException {
        Optional<String> domain = PolicyHost.domainOf(hostHeader);
        Optional<HostedVersion> v = domain.isEmpty() ? Optional.empty() : served(domain.get());
        observer.answered(v.isPresent());
        return v;
    }

    /** The version served now for {@code domain} (the policy domain, without {@code mta-sts.}), if any. */
    public Optional<HostedVersion> served(String domain) throws SQLException {
        Optional<HostedVersion> newest = db.withConnection(c -> HostedPolicyStore.newest(c, domain));
        return newest.filter(v -> v.servedAt(clock.instant()));
    }

    /** Every version served now, one per hosted domain, by domain (for the whole hub: the local CLI). */
    public List<HostedVersion> servedNow() throws SQLException {
        List<HostedVersion> out = new ArrayList<>();
        for (String domain : db.withConnection(HostedPolicyStore::domains)) served(domain).ifPresent(out::add);
        return out;
    }
}
