package org.tlsrpthub.hub.hosting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tlsrpthub.hub.store.Database;

/** A fresh store per test with the ready scenario's reports and a {@link HostingWorld} over it; the subclasses name the database. */
abstract class HostingStoreTest {
    protected abstract String emptyDatabaseUrl();

    Database db;
    HostingWorld w;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        w = new HostingWorld(db).readyReports();
    }

    @AfterEach
    void close() {
        db.close();
    }
}
