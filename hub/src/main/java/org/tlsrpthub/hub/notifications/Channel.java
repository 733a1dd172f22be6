package org.tlsrpthub.hub.notifications;

/** Where notifications go: an email relay, or a webhook (generic, Slack, Teams), as {@code alerts.channel.NAME}. */
public interface Channel {
    String name();

    /** "email", "webhook", "slack" or "teams". */
    String type();

    /**
     * The fixed recipients of an email channel ({@code alerts.channel.NAME.to}); empty: the domain's
     * recipients (its owners, then its organisation's alert route). Webhooks have no recipient.
     */
    java.util.List<String> fixedRecipients();

    default boolean isEmail() {
        return type().equals("email");
    }

    void send(Message m) throws DeliveryException;
}
