package org.tlsrpthub.core.taxonomy;

import java.util.Objects;

/**
 * One thing an operator should check or do.
 *
 * @param action  what to check or do and what to look for, in plain language
 * @param command a shell command that performs the check, or null when there is none; it may contain
 *                the placeholders {@link FailureTaxonomy#DOMAIN_PLACEHOLDER} and
 *                {@link FailureTaxonomy#MX_HOST_PLACEHOLDER}, and no others
 */
public record RemediationStep(String action, String command) {

    public RemediationStep {
        Objects.requireNonNull(action, "action");
        if (action.isBlank()) throw new IllegalArgumentException("action must not be blank");
        if (command != null && command.isBlank()) throw new IllegalArgumentException("command must be null or non-blank");
    }

    /** A step without a command. */
    public static RemediationStep advice(String action) {
        return new RemediationStep(action, null);
    }

    public boolean hasCommand() {
        return command != null;
    }
}
