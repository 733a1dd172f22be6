package org.tlsrpthub.hub.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.demo.Demo;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.serve.Receivers;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Run the hub: report endpoint, dashboard, API, SMTP, IMAP and Maildir receivers.",
        description = "Runs the hub: the HTTP(S) report endpoint (RFC 8460 §5.4) and health checks, until SIGTERM or "
                + "SIGINT, which stop it gracefully (reports in progress are committed and answered). Settings (http.port, "
                + "http.bind, http.path, http.tls.certificate, …) come from --config, TLSRPT_* environment variables and "
                + "the options below; every setting is listed in docs/receiving.md, and an unknown one stops the start.")
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (setting http.port, default 8080; 0 = any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (setting http.bind, default 127.0.0.1).")
    String bind;

    @Option(names = "--demo", description = {"Start on a demo database (recreated in DATA_DIR/demo) filled with generated",
            "reports of the last 40 days, with a demo user; prints the URL and the login."})
    boolean demo;

    private static Database openDemo(StoreOptions store) throws Exception {
        Path dir = store.dataDir().resolve("demo");
        System.out.println("tlsrpt-hub: creating the demo database in " + dir.toAbsolutePath() + " …");
        Database db = Demo.open(dir, store.sqliteTuning());
        try {
            long n = Demo.fill(db, Clock.systemUTC());
            System.out.printf("tlsrpt-hub: stored %,d demo reports%n", n);
            return db;
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    @Override
    public Integer call() throws Exception {
        StoreOptions store = StoreOptions.of(spec);
        Settings settings = store.settings();
        if (port != null) settings = settings.with("http.port", port.toString());
        if (bind != null) settings = settings.with("http.bind", bind);
        // the demo's domains are made up: looking them up on the network would only make noise
        if (demo && settings.get("checks.schedule") == null) settings = settings.with("checks.schedule", "false");
        Database db = demo ? openDemo(store) : store.open();
        Hub hub;
        try {
            hub = new Hub(settings, db, Clock.systemUTC(), Receivers::fromSettings).start();
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
        System.out.println("tlsrpt-hub: listening on " + hub.http().reportUrl() + " (health: "
                + hub.http().baseUrl().resolve("/healthz") + ")");
        hub.policyListener().ifPresent(p -> System.out.println("tlsrpt-hub: MTA-STS policies at " + p.baseUrl()
                + "/.well-known/mta-sts.txt for " + String.join(", ", p.hosts())));
        if (demo) {
            System.out.println("tlsrpt-hub: demo dashboard at " + hub.http().baseUrl() + "/  (sign in as "
                    + Demo.USER + " / " + Demo.PASSWORD + ")");
        } else if (!new AccessService(db, Clock.systemUTC()).hasUsers()) {
            // first run: say how to get in, since every page needs a user
            System.out.println("tlsrpt-hub: no user yet: create the first admin at " + hub.http().baseUrl()
                    + "/setup or with 'tlsrpt-hub users add NAME --admin'");
        } else {
            System.out.println("tlsrpt-hub: dashboard at " + hub.http().baseUrl() + "/");
        }
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and SIGINT run shutdown hooks: stop taking reports, commit what is in flight, then exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                hub.close();
                db.close();
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
