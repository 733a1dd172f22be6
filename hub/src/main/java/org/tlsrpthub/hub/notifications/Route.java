package org.tlsrpthub.hub.notifications;

import java.util.List;
import java.util.Set;
import org.tlsrpthub.hub.alerts.Severity;

/**
 * {@code alerts.route.NAME}: notifications about {@code domains} (none: the default route, for
 * domains no other route names) at {@code minSeverity} or above go to {@code channels}.
 */
record Route(String name, Set<String> domains, String minSeverity, List<String> channels) {

    boolean isDefault() {
        return domains.isEmpty();
    }

    boolean admits(String severity) {
        Severity s = severity == null ? Severity.INFO : Severity.of(severity); // a transition always has one; be lenient
        return s.compareTo(Severity.of(minSeverity)) >= 0;
    }
}
