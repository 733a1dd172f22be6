package org.tlsrpthub.hub.hosting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.store.InList;

/**
 * Hosted policy versions, on the caller's connection so that a change, its audit entry and anything
 * else of the same action share one transaction. Versions are only ever appended. Reads here are not
 * scoped: the service checks the organisation first.
 */
public final class HostedPolicyStore {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private HostedPolicyStore() {}

    /** A version to append; the store numbers it and gives it its id. */
    public record Draft(String domain, MtaStsPolicy policy, HostedVersion.Action action, String reason, String verdict,
            String actor, Instant at, Instant serveUntil) {}

    /**
     * Appends the domain's next version. Its id is the time and the version number, so two changes in
     * one second still differ and an id never repeats for a domain.
     */
    public static HostedVersion append(Connection c, Draft d) throws SQLException {
        int version;
        try (PreparedStatement ps = c.prepareStatement(HostingSql.NEXT_VERSION)) {
            ps.setString(1, d.domain());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
        }
        String id = ID_TIME.format(d.at()) + "v" + version;
        try (PreparedStatement ps = c.prepareStatement(HostingSql.INSERT)) {
            int i = 1;
            ps.setString(i++, d.domain());
            ps.setInt(i++, version);
            ps.setString(i++, id);
            ps.setString(i++, d.policy().mode().value());
            ps.setString(i++, String.join("\n", d.policy().mx().stream().map(MxPattern::pattern).toList()));
            ps.setLong(i++, d.policy().maxAge());
            ps.setString(i++, d.action().id());
            ps.setString(i++, d.reason());
            ps.setString(i++, d.verdict());
            ps.setString(i++, d.actor());
            ps.setLong(i++, d.at().toEpochMilli());
            if (d.serveUntil() == null) ps.setNull(i, Types.BIGINT);
            else ps.setLong(i, d.serveUntil().toEpochMilli());
            ps.executeUpdate();
        }
        return new HostedVersion(d.domain(), version, id, d.policy(), d.action(), d.reason(), d.verdict(), d.actor(), d.at(), d.serveUntil());
    }

    /** The domain's newest version, or empty when the hub does not host it. */
    public static Optional<HostedVersion> newest(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HostingSql.NEWEST)) {
            ps.setString(1, domain);
            return one(ps);
        }
    }

    /** The version in force at {@code at}: the newest one created by then. */
    public static Optional<HostedVersion> newestAt(Connection c, String domain, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HostingSql.NEWEST_AT)) {
            ps.setString(1, domain);
            ps.setLong(2, at.toEpochMilli());
            return one(ps);
        }
    }

    /** Every version of the domain, newest first. */
    public static List<HostedVersion> history(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HostingSql.HISTORY)) {
            ps.setString(1, domain);
            List<HostedVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        }
    }

    /** Those of {@code domains} (at least one) with any hosted version, on the caller's connection. */
    public static Set<String> hostedAmong(Connection c, List<String> domains) throws SQLException {
        return InList.among(c, HostingSql::hostedAmong, domains);
    }

    /** Every hosted domain, of all organisations. */
    public static List<String> domains(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HostingSql.DOMAINS); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }

    private static Optional<HostedVersion> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static HostedVersion row(ResultSet rs) throws SQLException {
        String mx = rs.getString("mx");
        List<MxPattern> patterns = mx.isEmpty() ? List.of() : Arrays.stream(mx.split("\n")).map(MxPattern::of).toList();
        String storedMode = rs.getString("mode");
        PolicyMode mode = PolicyMode.of(storedMode).orElseThrow(() -> new SQLException("hosted_policy_version has mode '" + storedMode + "'"));
        long until = rs.getLong("serve_until");
        Instant serveUntil = rs.wasNull() ? null : Instant.ofEpochMilli(until);
        return new HostedVersion(rs.getString("domain"), rs.getInt("version"), rs.getString("policy_id"),
                new MtaStsPolicy(mode, rs.getLong("max_age"), patterns), HostedVersion.Action.of(rs.getString("action")),
                rs.getString("reason"), rs.getString("verdict"), rs.getString("actor"), Instant.ofEpochMilli(rs.getLong("created_at")), serveUntil);
    }
}
