package org.tlsrpthub.hub.notifications;

/**
 * A notification that could not be sent. {@code permanent}: trying again cannot help (the guard refused
 * the target, the URL is malformed), so the row is marked failed at once instead of being retried.
 */
public final class DeliveryException extends Exception {
    private final boolean permanent;

    private DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryException retry(String message) {
        return new DeliveryException(message, false, null);
    }

    public static DeliveryException retry(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
