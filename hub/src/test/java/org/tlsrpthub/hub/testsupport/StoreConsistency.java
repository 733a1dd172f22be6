package org.tlsrpthub.hub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.tlsrpthub.hub.store.Database;

/** What must hold after any fault: no half-stored input, every rollup equal to its raw rows. */
public final class StoreConsistency {
    private StoreConsistency() {}

    public static void assertConsistent(Database db) throws SQLException {
        assertThat(Sql.count(db, "SELECT count(*) FROM report r WHERE NOT EXISTS (SELECT 1 FROM policy p WHERE p.report_id = r.id)"))
                .as("reports without their policies").isZero();
        assertThat(Sql.count(db, "SELECT count(*) FROM raw_input i WHERE i.status = 'parsed' AND NOT EXISTS "
                + "(SELECT 1 FROM report r WHERE r.raw_input_id = i.id) AND NOT EXISTS "
                + "(SELECT 1 FROM report_sighting s WHERE s.raw_input_id = i.id)"))
                .as("inputs marked parsed without a report or sighting").isZero();
        RollupCheck.assertRollupsMatchRawRows(db);
        DashboardRollupCheck.assertDashboardRollupsMatchRawRows(db);
    }
}
