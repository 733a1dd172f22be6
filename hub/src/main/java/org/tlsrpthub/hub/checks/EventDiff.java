package org.tlsrpthub.hub.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The events between a domain's previous check and its new one. */
public final class EventDiff {
    private EventDiff() {}

    /** @param previous the domain's check before, or null for its first: then each finding it has is new */
    public static List<CheckEvent> between(DomainCheck previous, DomainCheck current) {
        List<CheckEvent> out = new ArrayList<>();
        Map<String, Finding> before = previous == null ? Map.of() : byKey(previous.findings());
        Map<String, Finding> now = byKey(current.findings());
        now.forEach((key, f) -> {
            if (!before.containsKey(key)) out.add(finding(current, CheckEvent.Kind.FINDING_APPEARED, f, f.message()));
        });
        before.forEach((key, f) -> {
            if (!now.containsKey(key)) out.add(finding(current, CheckEvent.Kind.FINDING_CLEARED, f, "no longer found: " + f.message()));
        });
        if (previous == null) return out;
        certificates(previous, current, out);
        String idBefore = previous.mtaSts() == null ? null : previous.mtaSts().id();
        String idNow = current.mtaSts() == null ? null : current.mtaSts().id();
        if (idBefore != null && idNow != null && !idBefore.equals(idNow)) {
            out.add(event(current, CheckEvent.Kind.POLICY_ID_CHANGED, "_mta-sts." + current.domain(),
                    "the MTA-STS policy id changed from " + idBefore + " to " + idNow));
        }
        TreeSet<String> mxBefore = hosts(previous), mxNow = hosts(current);
        if (!mxBefore.equals(mxNow)) {
            TreeSet<String> added = new TreeSet<>(mxNow);
            added.removeAll(mxBefore);
            TreeSet<String> removed = new TreeSet<>(mxBefore);
            removed.removeAll(mxNow);
            out.add(event(current, CheckEvent.Kind.MX_SET_CHANGED, current.domain(),
                    "MX hosts added: " + (added.isEmpty() ? "none" : String.join(", ", added))
                            + "; removed: " + (removed.isEmpty() ? "none" : String.join(", ", removed))));
        }
        return out;
    }

    private static void certificates(DomainCheck previous, DomainCheck current, List<CheckEvent> out) {
        Map<String, MxHost.CertificateInfo> before = new LinkedHashMap<>();
        for (MxHost m : previous.mx()) if (m.certificate() != null) before.put(m.host(), m.certificate());
        for (MxHost m : current.mx()) {
            MxHost.CertificateInfo was = before.get(m.host()), is = m.certificate();
            if (was == null || is == null) continue;
            if (!Objects.equals(was.sha256(), is.sha256()) || !Objects.equals(was.notAfter(), is.notAfter())) {
                out.add(event(current, CheckEvent.Kind.CERTIFICATE_RENEWED, m.host(),
                        "the certificate changed: valid until " + was.notAfter() + " before, until " + is.notAfter() + " now"));
            }
        }
    }

    private static TreeSet<String> hosts(DomainCheck c) {
        TreeSet<String> s = new TreeSet<>();
        for (MxHost m : c.mx()) s.add(m.host());
        return s;
    }

    /** A finding is the same one when its id and subject are. */
    private static Map<String, Finding> byKey(List<Finding> findings) {
        Map<String, Finding> m = new LinkedHashMap<>();
        for (Finding f : findings) m.putIfAbsent(f.id() + "\u0000" + f.subject(), f);
        return m;
    }

    private static CheckEvent finding(DomainCheck c, CheckEvent.Kind kind, Finding f, String detail) {
        return new CheckEvent(0, c.domain(), c.checkedAt(), kind, f.subject(), f.id(), f.severity(), detail);
    }

    private static CheckEvent event(DomainCheck c, CheckEvent.Kind kind, String subject, String detail) {
        return new CheckEvent(0, c.domain(), c.checkedAt(), kind, subject, null, null, detail);
    }
}
