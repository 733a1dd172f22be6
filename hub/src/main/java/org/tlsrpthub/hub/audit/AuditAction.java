package org.tlsrpthub.hub.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fixed vocabulary of the audit log: each entry names one of these, so that a filter by action
 * finds every entry of its kind. Stored as {@link #text()}; a feature with a new kind of action adds
 * a constant here (the database keeps plain text, so no migration is needed for that).
 */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    FIRST_ADMIN_CREATED,
    USER_ADDED,
    USER_REMOVED,
    PASSWORD_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    ORG_CREATED,
    ORG_REMOVED,
    MEMBER_ADDED,
    MEMBER_REMOVED,
    ROLE_CHANGED,
    DOMAIN_SERVED,
    DOMAIN_UNSERVED,
    DOMAIN_ASSIGNED,
    DOMAIN_UNASSIGNED,
    OWNER_ADDED,
    OWNER_REMOVED,
    POLICY_HOSTED,
    POLICY_EDITED,
    POLICY_PROMOTED,
    POLICY_ROLLED_BACK,
    POLICY_IMPORTED,
    REPROCESS,
    INCIDENT_ACKNOWLEDGED,
    INCIDENT_SNOOZED,
    SETTINGS_CHANGED;

    /** As stored and shown: {@code sign-in}, {@code token-created}, … */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a stored or typed action; the error names the value and the valid ones. */
    public static AuditAction of(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (AuditAction a : values()) {
            if (a.text().equals(wanted)) return a;
        }
        throw new IllegalArgumentException("unknown action '" + text + "': use one of "
                + Arrays.stream(values()).map(AuditAction::text).collect(Collectors.joining(", ")));
    }
}
