package org.tlsrpthub.hub.testsupport;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.dkim.DkimPolicy;
import org.tlsrpthub.hub.dkim.DkimSettings;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.junk.JunkSettings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** A real SQLite store in a temp dir with the mail intake over it, for the receivers' tests. */
public final class MailStore implements AutoCloseable {
    public final Database db;
    public final IngestService ingest;
    public final GroupCommitter commits;
    public final MailIntake intake;

    public MailStore(Path dir) {
        this(dir, new DkimSettings(DkimPolicy.OFF, null));
    }

    public MailStore(Path dir, DkimSettings dkim) {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        commits = new GroupCommitter(ingest, 10_000, 500);
        intake = new MailIntake(ingest, commits, dkim);
    }

    /** The junk quota and expiry over this store, as the SMTP listener and HTTP endpoint get them. */
    public JunkQuarantine junk(Settings settings) {
        return new JunkQuarantine(JunkSettings.from(settings), db, Clock.systemUTC());
    }

    /** count(report), SUM(successful), SUM(failed). */
    public List<Long> totals() throws SQLException {
        return Sql.rows(db, "SELECT count(*), COALESCE(SUM(successful_sessions),0), COALESCE(SUM(failed_sessions),0) FROM report")
                .get(0).stream().map(o -> ((Number) o).longValue()).toList();
    }

    public long count(String sql) throws SQLException {
        return Sql.count(db, sql);
    }

    /** Makes writes fail as if the storage were gone: the raw input table disappears. */
    public void breakStorage() throws SQLException {
        db.withConnection(c -> c.createStatement().executeUpdate("ALTER TABLE raw_input RENAME TO raw_input_away"));
    }

    public void repairStorage() throws SQLException {
        db.withConnection(c -> c.createStatement().executeUpdate("ALTER TABLE raw_input_away RENAME TO raw_input"));
    }

    @Override
    public void close() {
        commits.close();
        db.close();
    }
}
