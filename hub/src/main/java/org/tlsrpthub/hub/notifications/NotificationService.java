package org.tlsrpthub.hub.notifications;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;

/** The notifications the outbox holds (CLI, page, API) and test messages ({@code alerts test}). */
public final class NotificationService {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final String TEST_DOMAIN = "test.invalid";

    private final Database db;
    private final Clock clock;

    public NotificationService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * One outbox row as shown.
     *
     * @param status pending (queued, or waiting for its next attempt), sent or failed
     */
    public record NotificationView(long id, Instant createdAt, String kind, String domain, String rule, String severity,
                                   String channel, String recipient, String status, int attempts, Instant nextAttemptAt,
                                   String lastError, Instant sentAt) {}

    /** The newest notifications about the scope's domains (hub admins and the CLI: all, test messages included). */
    public List<NotificationView> recent(Scope scope, int limit) throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        return db.withConnection(c -> {
            List<NotificationView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OutboxSql.RECENT + ScopeSql.andDomainIn(scope, "domain") + " ORDER BY id DESC LIMIT ?")) {
                int i = ScopeSql.bind(ps, 1, scope);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long sent = rs.getLong(14);
                        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
                        String status = rs.getString(10);
                        out.add(new NotificationView(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), status, rs.getInt(11),
                                status.equals("pending") ? Instant.ofEpochMilli(rs.getLong(12)) : null, rs.getString(13), sentAt));
                    }
                }
            }
            return out;
        });
    }

    /** What a test send did, per recipient (one row for a webhook). */
    public record TestResult(String channel, String type, List<NotificationView> deliveries) {
        public boolean ok() {
            return !deliveries.isEmpty() && deliveries.stream().allMatch(d -> d.status().equals("sent"));
        }
    }

    /**
     * Sends a test message on channel {@code name} now, through the outbox like any notification (so it
     * shows among the notifications). An email channel goes to {@code to}, or to its own recipients.
     */
    public TestResult sendTest(Notifications notifications, String name, String to) throws SQLException {
        NotificationSettings settings = notifications.settings();
        Channel channel = settings.channels().get(name);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + name + (settings.channels().isEmpty() ? " (no alerts.channel is configured)"
                    : "; the channels are " + String.join(", ", settings.channels().keySet().stream().sorted().toList())));
        }
        List<String> recipients = !channel.isEmail() ? List.of("")
                : to != null && !to.isBlank() ? List.of(to.strip()) : channel.fixedRecipients();
        if (recipients.isEmpty()) throw new IllegalArgumentException("channel " + name + " has no alerts.channel." + name + ".to: give --to ADDRESS");
        Instant now = clock.instant();
        IncidentTransition t = new IncidentTransition(0, IncidentTransition.Kind.OPENED, null, TEST_DOMAIN, "test", "", "warning", now,
                "A test message from TLS-RPT Hub: channel " + name + " works.", Map.of("channel", name), "/notifications");
        List<Long> ids = db.inTransaction(c -> Outbox.enqueueTest(c, t, channel, recipients, now.toEpochMilli()));
        notifications.delivery().deliverNow(ids);
        List<NotificationView> rows = recent(Scope.wholeHub(), MAX_LIMIT).stream().filter(v -> ids.contains(v.id())).toList();
        return new TestResult(name, channel.type(), rows);
    }
}
