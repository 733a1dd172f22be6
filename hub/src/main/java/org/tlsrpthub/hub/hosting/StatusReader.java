package org.tlsrpthub.hub.hosting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.MtaStsState;
import org.tlsrpthub.hub.checks.StoredCheck;

/** Builds a domain's {@link HostingStatus}: its versions, and whether the newest live check saw the TXT record of the newest one. */
final class StatusReader {
    private StatusReader() {}

    static HostingStatus read(Connection c, String domain, Instant now) throws SQLException {
        List<HostedVersion> history = HostedPolicyStore.history(c, domain);
        List<HostingStatus.Version> shown = history.stream().map(HostingStatus.Version::of).toList();
        String txtName = "_mta-sts." + domain;
        if (history.isEmpty()) return new HostingStatus(domain, false, null, false, txtName, null, null, shown, List.of());
        HostedVersion newest = history.get(0);
        StoredCheck check = CheckStore.latestAt(c, domain, now).orElse(null);
        return new HostingStatus(domain, true, shown.get(0), newest.servedAt(now), txtName, newest.txtRecord(), publication(newest, check),
                shown, List.of());
    }

    /** Published when the newest live check found the version's id at {@code _mta-sts.DOMAIN}. */
    static HostingStatus.Publication publication(HostedVersion v, StoredCheck check) {
        if (check == null) return new HostingStatus.Publication("no-live-check", null, null, "no live check yet");
        MtaStsState sts = check.check().mtaSts();
        String dnsId = sts == null ? null : sts.id();
        Instant at = check.check().checkedAt();
        if (v.policyId().equals(dnsId)) return new HostingStatus.Publication("published", dnsId, at, "published");
        return new HostingStatus.Publication("not-published", dnsId, at, dnsId == null
                ? "not yet published (DNS has no valid _mta-sts record)" : "not yet published (DNS has id=" + dnsId + ")");
    }
}
