package org.tlsrpthub.hub.notifications;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;

/**
 * Sends what the outbox holds. Each row is claimed in a short transaction of its own (a lease in its
 * name), sent with no transaction open, and then recorded: sent, due again after a backoff that doubles,
 * or failed after the last attempt. A row whose node died is claimed again once its lease has passed.
 */
public final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    /** Rows one run sends at most, so one run does not hold the job for long. */
    static final int PER_RUN = 500;

    private final Database db;
    private final NotificationSettings settings;
    private final NotificationMetrics metrics;
    private final Clock clock;
    // node name and a per-process part: a restarted node must not take its dead predecessor's claims for its own
    private final String claimant;

    public Delivery(Database db, NotificationSettings settings, NotificationMetrics metrics, Clock clock, String node) {
        this.db = db;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.claimant = node + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What one run did, for the job ledger. */
    public record Run(int sent, int retried, int failed) {
        @Override
        public String toString() {
            return "sent " + sent + ", to retry " + retried + ", failed " + failed;
        }
    }

    private record Claimed(long id, String kind, String channel, String recipient, String payload, int attempt) {}

    public Run deliverDue() throws SQLException {
        int sent = 0, retried = 0, failed = 0;
        failed += db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(OutboxSql.ABANDONED)) {
                ps.setInt(1, settings.maxAttempts());
                ps.setLong(2, clock.millis());
                return ps.executeUpdate();
            }
        });
        for (int n = 0; n < PER_RUN; n++) {
            Claimed row = claim();
            if (row == null) break;
            switch (deliver(row)) {
                case "sent" -> sent++;
                case "retry" -> retried++;
                default -> failed++;
            }
        }
        return new Run(sent, retried, failed);
    }

    /** Sends the given rows now (test messages); a row another node has claimed already is left to it. */
    public Run deliverNow(java.util.List<Long> ids) throws SQLException {
        int sent = 0, failed = 0;
        for (long id : ids) {
            Claimed row = db.inTransaction(c -> {
                long now = clock.millis();
                try (PreparedStatement ps = c.prepareStatement(OutboxSql.CLAIM_ONE)) {
                    ps.setString(1, claimant);
                    ps.setLong(2, now + settings.lease().toMillis());
                    ps.setLong(3, id);
                    ps.setLong(4, now);
                    return claimed(ps);
                }
            });
            if (row == null) continue;
            if (deliver(row).equals("sent")) sent++;
            else failed++;
        }
        return new Run(sent, 0, failed);
    }

    private static Claimed claimed(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)) : null;
        }
    }

    private Claimed claim() throws SQLException {
        return db.inTransaction(c -> {
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement(OutboxSql.claim(db.dialect() == Dialect.POSTGRESQL))) {
                ps.setString(1, claimant);
                ps.setLong(2, now + settings.lease().toMillis());
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.setInt(5, settings.maxAttempts());
                return claimed(ps);
            }
        });
    }

    private String deliver(Claimed row) throws SQLException {
        Channel channel = settings.channels().get(row.channel());
        String error;
        boolean permanent;
        try {
            if (channel == null) throw DeliveryException.permanent("channel " + row.channel() + " is no longer configured (alerts.channel." + row.channel() + ")");
            if (Digests.KIND.equals(row.kind())) sendDigest(channel, row);
            else channel.send(message(row));
            record(OutboxSql.SENT, row, clock.millis());
            metrics.count(row.channel(), "sent");
            log.info("event=notification-sent id={} channel={} attempt={}", row.id(), row.channel(), row.attempt());
            return "sent";
        } catch (DeliveryException e) {
            error = e.getMessage();
            permanent = e.permanent();
        } catch (RuntimeException e) { // a bug in rendering must not stop the other rows
            error = e.toString();
            permanent = false;
        }
        // a test message is not retried: the operator waiting for it wants the error now
        if (permanent || row.attempt() >= settings.maxAttempts() || Outbox.TEST.equals(row.kind())) {
            record(OutboxSql.FAILED, row, "attempt " + row.attempt() + ": " + error);
            metrics.count(row.channel(), "failed");
            log.warn("event=notification-failed id={} channel={} attempt={} error=\"{}\"", row.id(), row.channel(), row.attempt(), error);
            return "failed";
        }
        long next = clock.millis() + backoff(settings.backoff(), row.attempt()).toMillis();
        record(OutboxSql.RETRY, row, next, "attempt " + row.attempt() + ": " + error);
        metrics.count(row.channel(), "retry");
        log.warn("event=notification-retry id={} channel={} attempt={} error=\"{}\"", row.id(), row.channel(), row.attempt(), error);
        return "retry";
    }

    /** The wait after failed attempt {@code attempt} (1-based): base, 2 × base, 4 × base, … at most six hours. */
    static Duration backoff(Duration base, int attempt) {
        Duration d = base.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(NotificationSettings.MAX_BACKOFF) > 0 ? NotificationSettings.MAX_BACKOFF : d;
    }

    private static void sendDigest(Channel channel, Claimed row) throws DeliveryException {
        if (!(channel instanceof EmailChannel email)) throw DeliveryException.permanent("digests go by email; " + row.channel() + " is not an email channel");
        Digests.Digest d;
        try {
            d = Json.MAPPER.readValue(row.payload(), Digests.Digest.class);
        } catch (IOException e) {
            throw DeliveryException.permanent("the queued digest cannot be read: " + e.getMessage());
        }
        email.send(row.recipient(), d.subject(), d.text(), "<digest-" + row.id() + "@tlsrpt-hub.invalid>");
    }

    private Message message(Claimed row) throws DeliveryException {
        IncidentTransition t;
        try {
            t = Json.MAPPER.readValue(row.payload(), IncidentTransition.class);
        } catch (IOException e) {
            throw DeliveryException.permanent("the queued notification cannot be read: " + e.getMessage());
        }
        String link = t.link() == null || t.link().isEmpty() ? "" : settings.publicUrl() + t.link();
        return new Message(row.id(), Outbox.TEST.equals(row.kind()), t, row.recipient(), link);
    }

    // Only while the row is still ours: after a lease ran out another node may own it now.
    private void record(String sql, Claimed row, Object... values) throws SQLException {
        int changed = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values) ps.setObject(i++, v);
                ps.setLong(i++, row.id());
                ps.setString(i, claimant);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) log.warn("event=notification-lease-lost id={} hint=\"a send took longer than alerts.delivery.lease-seconds\"", row.id());
    }
}
