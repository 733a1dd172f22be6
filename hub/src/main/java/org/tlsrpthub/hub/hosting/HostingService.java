package org.tlsrpthub.hub.hosting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.audit.AuditAction;
import org.tlsrpthub.hub.audit.AuditEvent;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.checks.StoredCheck;
import org.tlsrpthub.hub.hosting.HostedPolicyStore.Draft;
import org.tlsrpthub.hub.hosting.HostedVersion.Action;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.readiness.Readiness;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.readiness.Verdict;
import org.tlsrpthub.hub.store.Database;

/**
 * The one service behind {@code mta-sts host/promote/rollback/import/show/list}, the API and the
 * page (issue 13 §2, docs/policy-hosting.md): every change appends a version with a new id, in the
 * same transaction as its audit entry; nothing is ever overwritten.
 */
public final class HostingService {
    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private final ReadinessService readiness;
    private final LiveCheckService checks;

    /** @param checks runs the live check an import takes its policy from, and stores it as any check */
    public HostingService(Database db, Clock clock, ReadinessService readiness, LiveCheckService checks) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
        this.readiness = readiness;
        this.checks = checks;
    }

    /** The newest version, its TXT record and whether it is published, and the whole history. */
    public HostingStatus status(Scope scope, String domain) throws SQLException {
        String d = HostingAccess.domain(domain);
        return db.withConnection(c -> {
            HostingAccess.requireVisible(c, scope, d);
            return StatusReader.read(c, d, clock.instant());
        });
    }

    /** The hosted domains the scope sees, each with its newest version. */
    public List<HostingStatus.Listed> list(Scope scope) throws SQLException {
        Instant now = clock.instant();
        return db.withConnection(c -> {
            List<HostingStatus.Listed> out = new ArrayList<>();
            for (String d : HostedPolicyStore.domains(c)) {
                if (!ScopeSql.sees(c, scope, d)) continue;
                HostedVersion v = HostedPolicyStore.newest(c, d).orElseThrow();
                out.add(new HostingStatus.Listed(d, HostingStatus.Version.of(v), v.servedAt(now)));
            }
            return out;
        });
    }

    /**
     * Hosts a first version (create) or a new one (edit). Going to enforce is a promote: this
     * refuses it unless the policy is enforced already.
     */
    public HostingStatus host(Scope scope, Actor by, String domain, PolicyRequest request) throws SQLException {
        String d = HostingAccess.domain(domain);
        Instant now = clock.instant();
        List<String> warnings = new ArrayList<>();
        db.inTransaction(c -> {
            warnings.clear(); // a retried transaction starts again
            String org = HostingAccess.requireChangeable(c, scope, d);
            MtaStsPolicy p = request.policy();
            String reason = request.cleanReason();
            Optional<HostedVersion> prev = HostedPolicyStore.newest(c, d);
            if (prev.isPresent() && same(prev.get().policy(), p)) {
                throw HostingException.conflict("no change: " + d + " already hosts mode " + p.mode().value() + ", mx "
                        + String.join(", ", prev.get().mxPatterns()) + ", max_age " + p.maxAge() + " (version " + prev.get().version() + ")");
            }
            boolean enforced = prev.isPresent() && prev.get().mode() == PolicyMode.ENFORCE;
            if (p.mode() == PolicyMode.ENFORCE && !enforced) {
                throw HostingException.conflict("going to enforce is a promote, which checks the readiness verdict first:"
                        + " host mode testing, then promote " + d + " (mta-sts promote " + d + ")");
            }
            DomainCheck newest = CheckStore.latestAt(c, d, now).map(StoredCheck::check).orElse(null);
            MxAgreement agreement = MxAgreement.of(d, p, newest);
            if (!agreement.mismatches().isEmpty()) {
                if (!request.allowMxMismatch()) throw HostingException.bad(agreement.refusal(d, newest));
                reason = joined(reason, "mx mismatch allowed: " + String.join("; ", agreement.mismatches()));
            }
            if (agreement.warning() != null) warnings.add(agreement.warning());
            Action action = prev.isEmpty() ? Action.CREATE : Action.EDIT;
            HostedVersion v = HostedPolicyStore.append(c, new Draft(d, p, action, reason, null, by.name(), now, null));
            record(c, by, action == Action.CREATE ? AuditAction.POLICY_HOSTED : AuditAction.POLICY_EDITED, org, prev.orElse(null), v);
            return null;
        });
        return status(scope, d).withWarnings(warnings);
    }

    /**
     * Testing to enforce, same mx and max_age, when the readiness verdict is ready now; otherwise
     * only with {@code override} and a reason, and the verdict is kept with the version.
     */
    public HostingStatus promote(Scope scope, Actor by, String domain, String reason, boolean override) throws SQLException {
        String d = HostingAccess.domain(domain);
        String why = PolicyRequest.clean(reason);
        HostedVersion seen = db.withConnection(c -> {
            HostingAccess.requireChangeable(c, scope, d);
            return hosted(c, d);
        });
        if (seen.mode() != PolicyMode.TESTING) {
            throw HostingException.conflict("promote takes a testing policy to enforce, but the hosted policy of " + d + " is in mode " + seen.mode().value());
        }
        Readiness r = readiness.readiness(scope, d, null).orElseThrow(() -> HostingException.notFound(d));
        boolean ready = r.verdict() == Verdict.READY;
        if (!ready && !override) {
            throw HostingException.conflict("not promoted: the readiness verdict for " + d + " is " + r.verdict().id() + ". "
                    + String.join(" ", r.reasons()) + " To promote anyway, override with a reason.");
        }
        if (!ready && why == null) {
            throw HostingException.bad("an override needs a reason: say why " + d + " goes to enforce although the verdict is " + r.verdict().id());
        }
        Instant now = clock.instant();
        db.inTransaction(c -> {
            String org = HostingAccess.requireChangeable(c, scope, d);
            HostedVersion cur = hosted(c, d);
            if (cur.version() != seen.version()) {
                throw HostingException.conflict("the hosted policy of " + d + " changed meanwhile (now version " + cur.version() + "); look again");
            }
            MtaStsPolicy p = new MtaStsPolicy(PolicyMode.ENFORCE, cur.policy().maxAge(), cur.policy().mx());
            String recorded = ready ? why : joined("override of verdict " + r.verdict().id(), why);
            HostedVersion v = HostedPolicyStore.append(c, new Draft(d, p, Action.PROMOTE, recorded, r.verdict().id(), by.name(), now, null));
            record(c, by, AuditAction.POLICY_PROMOTED, org, cur, v);
            return null;
        });
        return status(scope, d);
    }

    /**
     * One step back: to testing (the current mx and max_age), or to none, served until every
     * sender's cached policy has expired (now + the previous max_age, RFC 8461 §8.3).
     */
    public HostingStatus rollback(Scope scope, Actor by, String domain, String to, String reason) throws SQLException {
        String d = HostingAccess.domain(domain);
        String why = PolicyRequest.clean(reason);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            String org = HostingAccess.requireChangeable(c, scope, d);
            PolicyMode target = rollbackTarget(to);
            if (why == null) throw HostingException.bad("a rollback needs a reason: say what went wrong");
            HostedVersion cur = hosted(c, d);
            if (cur.mode() == target) throw HostingException.conflict(d + " is already in mode " + target.value());
            MtaStsPolicy p;
            Instant serveUntil = null;
            if (target == PolicyMode.TESTING) {
                if (cur.mode() == PolicyMode.NONE) {
                    throw HostingException.conflict(d + " is in mode none, with no mx patterns to go back to: host a testing policy instead");
                }
                p = new MtaStsPolicy(PolicyMode.TESTING, cur.policy().maxAge(), cur.policy().mx());
            } else {
                p = new MtaStsPolicy(PolicyMode.NONE, cur.policy().maxAge(), List.of());
                serveUntil = now.plusSeconds(cur.policy().maxAge());
            }
            HostedVersion v = HostedPolicyStore.append(c, new Draft(d, p, Action.ROLLBACK, why, null, by.name(), now, serveUntil));
            record(c, by, AuditAction.POLICY_ROLLED_BACK, org, cur, v);
            return null;
        });
        return status(scope, d);
    }

    /**
     * Takes over the policy the domain serves now, fetched by a live check (stored like "check now"),
     * as version 1. Refused when the hub hosts the domain already or the check fetched no valid policy.
     */
    public HostingStatus importExisting(Scope scope, Actor by, String domain) throws SQLException {
        String d = HostingAccess.domain(domain);
        db.withConnection(c -> {
            HostingAccess.requireChangeable(c, scope, d);
            return notHostedYet(c, d);
        });
        PolicyImport fetched = PolicyImport.of(checks.checkNow(scope, d, "import").check());
        Instant now = clock.instant();
        db.inTransaction(c -> {
            String org = HostingAccess.requireChangeable(c, scope, d);
            notHostedYet(c, d);
            HostedVersion v = HostedPolicyStore.append(c, new Draft(d, fetched.policy(), Action.IMPORT, fetched.reason(), null, by.name(), now, null));
            record(c, by, AuditAction.POLICY_IMPORTED, org, null, v);
            return null;
        });
        return status(scope, d);
    }

    private static Void notHostedYet(Connection c, String d) throws SQLException {
        Optional<HostedVersion> v = HostedPolicyStore.newest(c, d);
        if (v.isPresent()) {
            throw HostingException.conflict(d + " already has hosted versions (newest: version " + v.get().version() + ", id " + v.get().policyId()
                    + "); change it with mta-sts host instead of importing");
        }
        return null;
    }

    private static HostedVersion hosted(Connection c, String d) throws SQLException {
        return HostedPolicyStore.newest(c, d).orElseThrow(() -> HostingException.conflict("the hub does not host a policy for " + d
                + " yet: host one first (mta-sts host " + d + " --mode testing ...) or import the existing one"));
    }

    private static PolicyMode rollbackTarget(String to) {
        String t = to == null ? "" : to.strip();
        if (t.equals("testing")) return PolicyMode.TESTING;
        if (t.equals("none")) return PolicyMode.NONE;
        throw HostingException.bad("a rollback goes to testing or none, not '" + PolicyRequest.printable(t) + "'");
    }

    /** Same mode, max_age and mx patterns (in any order): hosting it again would change nothing senders see. */
    private static boolean same(MtaStsPolicy a, MtaStsPolicy b) {
        return a.mode() == b.mode() && a.maxAge() == b.maxAge() && a.mx().size() == b.mx().size() && a.mx().containsAll(b.mx());
    }

    private static String joined(String first, String second) {
        if (first == null) return second;
        if (second == null) return first;
        return first + "; " + second;
    }

    private void record(Connection c, Actor by, AuditAction action, String org, HostedVersion before, HostedVersion after) throws SQLException {
        audit.record(c, AuditEvent.of(by, action).org(org).target(after.domain()).before(before == null ? null : state(before))
                .after(state(after)).detail(after.reason()));
    }

    private static Object state(HostedVersion v) {
        return AuditEvent.state("version", v.version(), "id", v.policyId(), "mode", v.mode().value(), "mx", v.mxPatterns(),
                "max_age", v.policy().maxAge(), "verdict", v.verdict(), "serve_until", v.serveUntil() == null ? null : v.serveUntil().toString());
    }
}
