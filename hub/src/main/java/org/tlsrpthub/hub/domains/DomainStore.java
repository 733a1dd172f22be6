package org.tlsrpthub.hub.domains;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.store.Database;

/** The domains the hub serves and what happens to reports about other domains. */
public final class DomainStore {
    private final Database db;
    private final Clock clock;

    public DomainStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a domain; returns false when it was already served. */
    public boolean add(String domain) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(DomainSql.ADD)) {
                ps.setString(1, DomainNames.normalise(domain));
                ps.setLong(2, clock.millis());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes a domain; returns false when it was not served. */
    public boolean remove(String domain) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(DomainSql.REMOVE)) {
                ps.setString(1, DomainNames.normalise(domain));
                return ps.executeUpdate() == 1;
            }
        });
    }

    public List<String> list() throws SQLException {
        return db.withConnection(DomainStore::list);
    }

    private static List<String> list(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DomainSql.LIST); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    public OtherDomains otherDomains() throws SQLException {
        return db.withConnection(DomainStore::otherDomains);
    }

    private static OtherDomains otherDomains(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DomainSql.GET_SETTING)) {
            ps.setString(1, DomainSql.OTHER_DOMAINS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OtherDomains.fromId(rs.getString(1)) : OtherDomains.STORE;
            }
        }
    }

    public void setOtherDomains(OtherDomains value) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(DomainSql.PUT_SETTING)) {
                ps.setString(1, DomainSql.OTHER_DOMAINS);
                ps.setString(2, value.id());
                return ps.executeUpdate();
            }
        });
    }

    /** The filter as it stands, read in the transaction open on {@code c}. */
    public static DomainFilter filter(Connection c) throws SQLException {
        return new DomainFilter(new HashSet<>(list(c)), otherDomains(c));
    }
}
