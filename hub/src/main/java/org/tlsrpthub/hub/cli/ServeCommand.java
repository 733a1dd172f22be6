package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.serve.Receivers;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the hub: the HTTP(S) report endpoint (RFC 8460 §5.4) and health checks, until SIGTERM or "
                + "SIGINT, which stop it gracefully (reports in progress are committed and answered). Settings (http.port, "
                + "http.bind, http.path, http.tls.cert, …) come from --config, TLSRPT_* environment variables and the "
                + "options below; see docs/receiving.md.")
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (setting http.port, default 8080; 0 = any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (setting http.bind, default 127.0.0.1).")
    String bind;

    @Override
    public Integer call() throws Exception {
        StoreOptions store = StoreOptions.of(spec);
        Settings settings = Settings.load(store.config);
        if (port != null) settings = settings.with("http.port", port.toString());
        if (bind != null) settings = settings.with("http.bind", bind);
        Database db = store.open();
        Hub hub;
        try {
            hub = new Hub(settings, db, Clock.systemUTC(), Receivers::fromSettings).start();
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
        System.out.println("tlsrpt-hub: listening on " + hub.http().reportUrl() + " (health: "
                + hub.http().baseUrl().resolve("/healthz") + ")");
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
