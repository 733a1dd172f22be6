package org.tlsrpthub.hub.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.RawInput;

/** The quarantine: what failed and why, the raw content, and re-parsing one input. */
public final class QuarantineQueryService {
    public static final int MAX_SIZE = 500;

    private final Database db;
    private final ReprocessService reprocess;

    public QuarantineQueryService(Database db, ReprocessService reprocess) {
        this.db = db;
        this.reprocess = reprocess;
    }

    /** An input and its bytes as received. */
    public record Content(QuarantinedInput input, byte[] bytes) {}

    /** The entries {@code scope} sees (see {@link QuarantineSql} for which). */
    public QuarantinePage list(Scope scope, int page, int size) throws SQLException {
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
        return db.withConnection(c -> {
            long matching;
            try (PreparedStatement ps = c.prepareStatement(QuarantineSql.count(scope))) {
                ScopeSql.bind(ps, 1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matching = rs.getLong(1);
                }
            }
            List<QuarantinedInput> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(QuarantineSql.page(scope))) {
                int i = ScopeSql.bind(ps, 1, scope);
                ps.setInt(i, size);
                ps.setLong(i + 1, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) items.add(input(rs));
                }
            }
            return new QuarantinePage(page, size, matching, items);
        });
    }

    /** One entry with its bytes; empty when it is not in quarantine or {@code scope} does not see it. */
    public Optional<Content> get(Scope scope, long id) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(QuarantineSql.one(scope))) {
                ps.setLong(1, id);
                ScopeSql.bind(ps, 2, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Content(input(rs), RawInput.gunzip(rs.getBytes(14))));
                }
            }
        });
    }

    /**
     * Re-parses the input with today's parser and served domains; empty when it is not in quarantine
     * or {@code scope} does not see it. Refused for an input held back by dkim.policy=require.
     */
    public Optional<ReprocessService.Result> reprocess(Scope scope, long id, Actor by) throws SQLException, ReprocessService.HeldByDkim {
        boolean visible = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(QuarantineSql.visible(scope))) {
                ps.setLong(1, id);
                ScopeSql.bind(ps, 2, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        return visible ? reprocess.reprocessOne(id, by) : Optional.empty();
    }

    private static QuarantinedInput input(ResultSet rs) throws SQLException {
        return new QuarantinedInput(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getLong(11), ReportQueryService.hex(rs.getBytes(12)),
                rs.getObject(13) == null ? null : Instant.ofEpochMilli(rs.getLong(13)));
    }
}
