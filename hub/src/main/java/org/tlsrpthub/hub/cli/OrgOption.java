package org.tlsrpthub.hub.cli;

import java.sql.SQLException;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --org SLUG} for commands that read data: the operator on the hub's machine sees the whole
 * hub, or with this option what one organisation's admin sees, filtered exactly as the pages and API.
 */
final class OrgOption {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--org", paramLabel = "SLUG",
            description = "Read as this organisation sees it (its domains only). Default: the whole hub.")
    String org;

    /** The whole hub, or the named organisation (which must exist). */
    Scope scope(Database db) throws SQLException {
        if (org == null) return Scope.wholeHub();
        if (!db.withConnection(c -> ScopeSql.organisationExists(c, org))) {
            throw new ParameterException(spec.commandLine(), "--org: there is no organisation '" + org + "'");
        }
        return new Scope(null, org, Role.ADMIN, false);
    }
}
