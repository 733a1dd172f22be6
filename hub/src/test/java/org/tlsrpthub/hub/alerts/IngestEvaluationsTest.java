package org.tlsrpthub.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** Ingest commits note their domains; the background evaluation takes each noted domain once and only those. */
class IngestEvaluationsTest {
    @TempDir Path dir;

    @Test
    void theDomainsAnIngestCommitTouchedAreEvaluatedOnceOffTheIngestPath() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            new Scenario(db).daily("quiet.test", "r.test", -30, -3, 1000).daily("quiet.test", "r.test", -3, 0, 900,
                    failure("starttls-not-supported", "mx1.quiet.test", 100)).store();
            List<IncidentTransition> sent = new CopyOnWriteArrayList<>();
            // a long debounce: the timer does not run during the test, evaluatePending stands for it
            AlertService alerts = new AlertService(db, Clock.fixed(AT, ZoneOffset.UTC),
                    AlertSettings.from(Settings.of(Map.of("alerts.ingest-debounce-seconds", "3600"))), (c, t) -> sent.add(t));
            try (IngestEvaluations after = new IngestEvaluations(alerts, Clock.fixed(AT, ZoneOffset.UTC))) {
                new Scenario(db, after).daily("a.test", "s.test", -30, -3, 1000)
                        .daily("a.test", "s.test", -3, 0, 900, failure("starttls-not-supported", "mx1.a.test", 100)).store();
                assertThat(sent).isEmpty(); // nothing evaluated on the committing thread
                IncidentChanges changes = after.evaluatePending();
                assertThat(changes.opened()).isPositive();
                assertThat(sent).extracting(IncidentTransition::domain).containsOnly("a.test"); // quiet.test was not touched
                assertThat(after.evaluatePending()).isEqualTo(new IncidentChanges(0, 0, 0));
            }
        }
    }
}
