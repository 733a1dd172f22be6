package org.tlsrpthub.hub.config;

/** A setting that is missing, unreadable or not of the form it must have; the message names the key. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
