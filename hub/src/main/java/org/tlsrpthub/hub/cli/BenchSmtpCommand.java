package org.tlsrpthub.hub.cli;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.JitWarmup;
import org.tlsrpthub.hub.bench.MemoryFigures;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.dkim.DkimPolicy;
import org.tlsrpthub.hub.dkim.DkimSettings;
import org.tlsrpthub.hub.generate.ReportEmails;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.GroupCommitter;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.intake.MailIntake;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.junk.JunkSettings;
import org.tlsrpthub.hub.smtp.SmtpReceiver;
import org.tlsrpthub.hub.smtp.SmtpSettings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.SqliteTuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * SMTP ingest benchmark: the real listener on loopback, N concurrent Angus Mail clients each on
 * one connection sending report emails one after another, into a fresh temporary SQLite store (or
 * an empty one given with --db / --data-dir). Every 250 is an acknowledged commit, as in production.
 */
@Command(name = "smtp", mixinStandardHelpOptions = true,
        description = {"SMTP ingest benchmark: report emails over loopback SMTP into a store (default: a fresh temporary SQLite;",
                "or an empty one given with --db / --data-dir); prints messages/s, latency and CPU per message."})
final class BenchSmtpCommand implements Callable<Integer> {
    @Option(names = "--messages", defaultValue = "20000", description = "Messages to send (default ${DEFAULT-VALUE}).")
    int messages;
    @Option(names = "--clients", defaultValue = "16", description = "Concurrent SMTP clients (default ${DEFAULT-VALUE}).")
    int clients;
    @Option(names = "--warmup", defaultValue = "60000", description = "Most warm-up messages, sent first at the same concurrency, at least 30,000, then in chunks of 10,000 until the JIT is quiet; not measured (default ${DEFAULT-VALUE}).")
    int warmup;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin
    SynchronousComparison synchronous;
    @Option(names = "--json", description = "Plain JSON attachments instead of gzip.")
    boolean json;
    @Option(names = "--client", defaultValue = "raw",
            description = "raw: a minimal SMTP client that sends the bytes as they are (like a relay); "
                    + "angus: Angus Mail, which parses each message first (more client CPU). Default ${DEFAULT-VALUE}.")
    String client;

    @Override
    public Integer call() throws Exception {
        List<byte[]> all = generate(warmup + messages);
        List<byte[]> warmups = all.subList(0, warmup);
        List<byte[]> mails = all.subList(warmup, all.size());
        StoreOptions options = StoreOptions.of(spec);
        for (SqliteTuning tuning : synchronous.tunings(spec, options)) {
            run(synchronous.asked() ? null : options.namedOnCommandLine(spec), tuning, all, warmups, mails);
        }
        synchronous.print();
        return 0;
    }

    private void run(String named, SqliteTuning tuning, List<byte[]> all, List<byte[]> warmups, List<byte[]> mails) throws Exception {
        try (BenchStore store = BenchStore.open(named, "smtp", tuning)) {
            Database db = store.db();
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            Settings conf = Settings.of(Map.of("smtp.bind", "127.0.0.1", "smtp.port", "0",
                    "smtp.max-connections", String.valueOf(clients + 10), "smtp.recipients", "*",
                    // every client is this machine: limits per address would measure the limiter
                    "smtp.max-connections-per-address", "0", "smtp.rate-limit.per-minute", "0"));
            try (GroupCommitter commits = new GroupCommitter(ingest, 10_000, 500);
                    SmtpReceiver smtp = new SmtpReceiver(SmtpSettings.from(conf),
                            new MailIntake(ingest, commits, new DkimSettings(DkimPolicy.OFF, null)),
                            new JunkQuarantine(JunkSettings.from(conf), db, Clock.systemUTC()), Clock.systemUTC())) {
                smtp.start();
                JitWarmup.Result warm = JitWarmup.run(warmups, chunk -> send(smtp.port(), chunk, clients, null, raw()));
                System.out.printf("warm-up: %s%n", warm);
                long[] latencies = new long[mails.size()];
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                MemoryFigures.reset();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                send(smtp.port(), mails, clients, latencies, raw());
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpuMsPerMessage = (os.getProcessCpuTime() - cpu0) / 1e6 / mails.size();
                long[] done = Arrays.copyOf(latencies, latencies.length);
                Arrays.sort(done);
                long stored = db.withConnection(c -> {
                    try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM report")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                System.out.printf("SMTP (%s, synchronous=%s) %,d messages, %d %s clients, %s attachments: %.2f s = %,.0f messages/s; "
                                + "latency p50 %.1f ms, p99 %.1f ms; %,d reports in the store%n",
                        db.dialect(), tuning.synchronous(), mails.size(), clients, client, json ? "json" : "gzip", secs, mails.size() / secs,
                        done[done.length / 2] / 1e6, done[(int) (done.length * 0.99)] / 1e6, stored - warm.sent());
                // Shared machines make wall-clock rates noisy; CPU per message (clients and server are
                // both in this process) says what the cores could do if they were all ours.
                System.out.printf("CPU %.3f ms per message (clients + server, this process); %d cores → at most %,.0f messages/s "
                                + "if the cores were free%n", cpuMsPerMessage, Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerMessage);
                System.out.printf("memory: %s (server, clients and %,d generated messages together)%n",
                        MemoryFigures.now(), all.size());
                synchronous.record(tuning, "clients=" + clients, String.format("%,.0f messages/s p99=%.1fms",
                        mails.size() / secs, done[(int) (done.length * 0.99)] / 1e6));
            }
        }
    }

    private List<byte[]> generate(int count) {
        List<byte[]> out = new ArrayList<>(count);
        int days = Math.max(1, (count + 99) / 100);
        new ReportFiles(new ReportGenerator(11, LocalDate.of(2025, 1, 1)), !json).forEach(10, 10, days, (name, bytes) -> {
            if (out.size() < count) out.add(ReportEmails.wrap(name, bytes, out.size()));
        });
        return out;
    }

    /** Each client takes every n-th message and sends them over one connection. */
    private boolean raw() {
        if (!client.equals("raw") && !client.equals("angus")) throw new IllegalArgumentException("--client must be raw or angus");
        return client.equals("raw");
    }

    private static void send(int port, List<byte[]> mails, int clients, long[] latencies, boolean raw) throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                all.add(pool.submit(() -> {
                    if (raw) {
                        try (RawSmtpClient t = new RawSmtpClient(port)) {
                            for (int i = first; i < mails.size(); i += clients) {
                                long s = System.nanoTime();
                                t.send("bench@sender.example", "tlsrpt@hub.example", mails.get(i));
                                if (latencies != null) latencies[i] = System.nanoTime() - s;
                            }
                        }
                        return null;
                    }
                    Properties p = new Properties();
                    p.put("mail.smtp.host", "127.0.0.1");
                    p.put("mail.smtp.port", String.valueOf(port));
                    p.put("mail.smtp.from", "bench@sender.example");
                    Session session = Session.getInstance(p);
                    Address[] to = {new InternetAddress("tlsrpt@hub.example")};
                    try (Transport t = session.getTransport("smtp")) {
                        t.connect();
                        for (int i = first; i < mails.size(); i += clients) {
                            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(mails.get(i)));
                            long s = System.nanoTime();
                            t.sendMessage(m, to);
                            if (latencies != null) latencies[i] = System.nanoTime() - s;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        } finally {
            pool.shutdown();
        }
    }
}
