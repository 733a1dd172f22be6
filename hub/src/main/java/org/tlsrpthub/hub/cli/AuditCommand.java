package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.AuditEntry;
import org.tlsrpthub.hub.audit.AuditLog;
import org.tlsrpthub.hub.audit.AuditPage;
import org.tlsrpthub.hub.audit.AuditQuery;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        header = "The audit log: who did what, when and from where.",
        description = {"The audit log: sign-ins, tokens, users, reprocessing, domains and settings, newest first.",
                "Entries are only ever added; the database refuses to change or delete them."},
        subcommands = {AuditCommand.ListEntries.class})
final class AuditCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List entries, newest first (the whole hub's).")
    static final class ListEntries implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--org", paramLabel = "SLUG", description = "Only this organisation's entries.") String org;
        @Option(names = "--actor", paramLabel = "NAME", description = "Only this actor's: a user, a token id, cli:USER or system.") String actor;
        @Option(names = "--action", paramLabel = "ACTION", description = "Only this action, e.g. sign-in-failed, token-created, reprocess.") String action;
        @Option(names = "--since", paramLabel = "WHEN", description = "From this day (2026-11-01, UTC) or instant (2026-11-01T10:00:00Z).") String since;
        @Option(names = "--until", paramLabel = "WHEN", description = "Up to this day (included) or instant (excluded).") String until;
        @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "0-based page (default 0).") int page;
        @Option(names = "--size", paramLabel = "N", defaultValue = "50", description = "Entries per page, 1 to 500 (default 50).") int size;
        @Option(names = "--json", description = "Print the page as JSON (as GET /api/v1/audit answers).") boolean json;

        @Override
        public Integer call() throws Exception {
            AuditQuery query;
            try {
                Map<String, String> typed = new HashMap<>();
                typed.put("org", org);
                typed.put("actor", actor);
                typed.put("action", action);
                typed.put("since", since);
                typed.put("until", until);
                query = AuditQuery.from(typed::get);
                if (page < 0) throw new IllegalArgumentException("--page must not be negative");
                if (size < 1 || size > AuditLog.MAX_SIZE) throw new IllegalArgumentException("--size must be 1.." + AuditLog.MAX_SIZE);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (Database db = StoreOptions.of(spec).open()) {
                AuditPage result = new AuditLog(db, Clock.systemUTC()).read(Scope.wholeHub(), query, page, size);
                if (json) {
                    System.out.println(Json.text(result));
                    return 0;
                }
                for (AuditEntry e : result.items()) {
                    System.out.println(String.join("\t", e.at().toString(), e.org() == null ? "-" : e.org(),
                            e.actor() + " (" + e.actorKind() + ")", e.address(), e.action(), dash(e.target()),
                            dash(e.before()) + " -> " + dash(e.after()), dash(e.detail())));
                }
                System.err.println(result.matching() + " matching entries; page " + page + " shows " + result.items().size());
                return 0;
            }
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }
}
