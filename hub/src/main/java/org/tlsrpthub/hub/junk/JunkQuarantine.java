package org.tlsrpthub.hub.junk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Quarantine;

/**
 * Keeps junk that anyone can send (HTTP /tlsrpt, SMTP) from filling the disk. Junk is input that
 * holds no report at all: not JSON, gzip, zip or an email, or mail without a report. It gets an
 * expiry when quarantined, and beyond {@link JunkSettings}' quota new junk is refused (the receiver
 * answers 503 / 452). Everything that may be a genuine report (a broken one, one about a domain not
 * served, one held for DKIM, one our parser failed on) is neither expired nor refused. Thread-safe.
 */
public final class JunkQuarantine {
    // Usage is read from the database at most this often; in between, admitted junk is added up here.
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final JunkSettings settings;
    private final Database db;
    private final Clock clock;
    private long refreshedAt;
    private boolean known;
    private boolean purgedSinceRefresh;
    private long inputs;
    private long bytes;

    public JunkQuarantine(JunkSettings settings, Database db, Clock clock) {
        this.settings = settings;
        this.db = db;
        this.clock = clock;
    }

    /** True when the input holds no report at all (as opposed to a report that could not be read). */
    public static boolean isJunk(PreparedInput in) {
        Quarantine q = in.parseError();
        return q != null && (q.kind().equals(ReportParseException.Kind.BAD_EMAIL.name())
                || q.kind().equals(ReportParseException.Kind.UNRECOGNISED_FORMAT.name()));
    }

    /** The input with its expiry when it is junk; otherwise unchanged. */
    public PreparedInput withExpiry(PreparedInput in) {
        if (!isJunk(in)) return in;
        return new PreparedInput(in.raw(), in.reports(), in.parseError().expiringAt(clock.instant().plus(settings.keepFor())));
    }

    /**
     * Whether the quarantine takes this input: always when it may be a report; junk while under the
     * quota. When the quota looks full, expired junk is deleted first.
     */
    public synchronized boolean admits(PreparedInput in) throws SQLException {
        if (!isJunk(in)) return true;
        long now = System.nanoTime();
        if (!known || now - refreshedAt > REFRESH_NANOS) refresh(now);
        long size = in.raw().bytes().length;
        // At most one purge per refresh: a flood against a full quota costs no write per message.
        if (!fits(size) && !purgedSinceRefresh) {
            db.inTransaction(c -> deleteExpired(c, clock.instant()));
            refresh(now);
            purgedSinceRefresh = true;
        }
        if (!fits(size)) return false;
        inputs++;
        bytes += size;
        return true;
    }

    /** Deletes junk whose expiry has passed, with its raw input; returns how many inputs. */
    public static long deleteExpired(Connection c, Instant now) throws SQLException {
        long ms = now.toEpochMilli();
        try (PreparedStatement raw = c.prepareStatement(JunkSql.DELETE_EXPIRED_RAW);
                PreparedStatement rows = c.prepareStatement(JunkSql.DELETE_EXPIRED)) {
            raw.setLong(1, ms);
            raw.executeUpdate();
            rows.setLong(1, ms);
            return rows.executeUpdate();
        }
    }

    private boolean fits(long size) {
        return inputs < settings.maxInputs() && bytes + size <= settings.maxBytes();
    }

    private void refresh(long now) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(JunkSql.USAGE); ResultSet rs = ps.executeQuery()) {
                rs.next();
                inputs = rs.getLong(1);
                bytes = rs.getLong(2);
            }
            return null;
        });
        refreshedAt = now;
        known = true;
        purgedSinceRefresh = false;
    }
}
