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
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.store.Database;

/**
 * The domains the hub serves and what happens to reports about other domains. Each change goes to
 * the audit log (hub-wide) in its own transaction.
 */
public final class DomainStore {
    /** The setting's name in the audit log: the command that changes it. */
    static final String OTHERS_SETTING = "domains others";

    private final Database db;
    private final Clock clock;
    private final AuditLog audit;

    public DomainStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
    }

    /** Adds a domain; returns false when it was already served. */
    public boolean add(String domain, Actor by) throws SQLException {
        String d = DomainNames.normalise(domain);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(DomainSql.ADD)) {
                ps.setString(1, d);
                ps.setLong(2, clock.millis());
                if (ps.executeUpdate() != 1) return false;
            }
            audit.record(c, AuditEvent.of(by, AuditAction.DOMAIN_SERVED).org(null).target(d));
            return true;
        });
    }

    /** Removes a domain; returns false when it was not served. */
    public boolean remove(String domain, Actor by) throws SQLException {
        String d = DomainNames.normalise(domain);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(DomainSql.REMOVE)) {
                ps.setString(1, d);
                if (ps.executeUpdate() != 1) return false;
            }
            audit.record(c, AuditEvent.of(by, AuditAction.DOMAIN_UNSERVED).org(null).target(d).detail("stored reports stay"));
            return true;
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

    /** Sets what happens to reports about other domains; a change (not a repeat) is audited. */
    public void setOtherDomains(OtherDomains value, Actor by) throws SQLException {
        db.inTransaction(c -> {
            OtherDomains before = otherDomains(c);
            try (PreparedStatement ps = c.prepareStatement(DomainSql.PUT_SETTING)) {
                ps.setString(1, DomainSql.OTHER_DOMAINS);
                ps.setString(2, value.id());
                ps.executeUpdate();
            }
            if (before != value) {
                audit.record(c, AuditEvent.of(by, AuditAction.SETTINGS_CHANGED).org(null).target(OTHERS_SETTING)
                        .before(AuditEvent.state("value", before.id())).after(AuditEvent.state("value", value.id())));
            }
            return null;
        });
    }

    /** The filter as it stands, read in the transaction open on {@code c}. */
    public static DomainFilter filter(Connection c) throws SQLException {
        return new DomainFilter(new HashSet<>(list(c)), otherDomains(c));
    }
}
