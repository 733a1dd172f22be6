package org.tlsrpthub.hub.web;

import io.javalin.Javalin;
import java.time.Clock;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.AccessRoutes;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.store.Database;

/** The dashboard: the access gate first, then each page's routes. */
public final class WebApp {
    private final Database db;
    private final Clock clock;
    private final Pages pages = new Pages();

    public WebApp(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void register(Javalin app, String reportPath) {
        AccessService access = new AccessService(db, clock);
        new AccessFilter(access, reportPath).register(app); // before any page or API route
        new AccessRoutes(access, pages).register(app);
        new ParsePage(pages, new IngestService(db, new CoreInputDecoder(), clock), clock).register(app);
    }
}
