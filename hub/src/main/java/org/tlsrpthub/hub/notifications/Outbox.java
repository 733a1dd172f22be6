package org.tlsrpthub.hub.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.alerts.TransitionSink;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.ownership.OwnersService;

/**
 * The notification outbox: routes a transition to its channels and writes one row per channel (email:
 * per recipient) on the caller's connection, in the caller's transaction. Nothing is sent here; the
 * delivery job sends the rows once they are committed.
 */
public final class Outbox implements TransitionSink {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final String TEST = "test";

    private final NotificationSettings settings;
    private final Clock clock;

    public Outbox(NotificationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void enqueue(Connection c, IncidentTransition t) throws SQLException {
        for (String name : settings.routing().channelsFor(t.domain(), t.severity())) {
            Channel channel = settings.channels().get(name);
            List<String> recipients = !channel.isEmail() ? List.of("")
                    : !channel.fixedRecipients().isEmpty() ? channel.fixedRecipients() : OwnersService.recipients(c, t.domain());
            if (recipients.isEmpty()) {
                log.warn("event=notification-without-recipient channel={} domain={} hint=\"name owners with an email, an alert route, or alerts.channel.{}.to\"",
                        name, t.domain(), name);
            }
            insert(c, t, channel, t.kind().name().toLowerCase(java.util.Locale.ROOT), recipients);
        }
    }

    /** Queues a test message ({@code alerts test}); returns the ids of the rows written, one per recipient. */
    static List<Long> enqueueTest(Connection c, IncidentTransition t, Channel channel, List<String> recipients, long now) throws SQLException {
        return insert(c, t, channel, TEST, recipients, now);
    }

    /** Queues a digest email for one recipient; the payload is the digest's subject and text. */
    static void enqueueDigest(Connection c, Channel channel, String recipient, String payload, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OutboxSql.INSERT)) {
            ps.setLong(1, now);
            ps.setLong(2, 0);
            ps.setString(3, Digests.KIND);
            ps.setString(4, null); // a digest spans domains, and may span organisations: hub admins see it
            ps.setString(5, "");
            ps.setString(6, Digests.KIND);
            ps.setString(7, "");
            ps.setString(8, channel.name());
            ps.setString(9, recipient);
            ps.setString(10, payload);
            ps.setLong(11, now);
            ps.executeUpdate();
        }
    }

    private void insert(Connection c, IncidentTransition t, Channel channel, String kind, List<String> recipients) throws SQLException {
        insert(c, t, channel, kind, recipients, clock.millis());
    }

    private static List<Long> insert(Connection c, IncidentTransition t, Channel channel, String kind, List<String> recipients, long now)
            throws SQLException {
        String payload = Json.text(t);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OutboxSql.INSERT + " RETURNING id")) {
            for (String to : recipients) {
                int i = 1;
                ps.setLong(i++, now);
                ps.setLong(i++, t.incidentId());
                ps.setString(i++, kind);
                ps.setString(i++, t.org());
                ps.setString(i++, t.domain());
                ps.setString(i++, t.rule());
                ps.setString(i++, t.severity() == null ? "" : t.severity());
                ps.setString(i++, channel.name());
                ps.setString(i++, to);
                ps.setString(i++, payload);
                ps.setLong(i, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
