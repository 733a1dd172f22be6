package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Real DNSSEC on loopback: zones signed offline with ldns-signzone, served by Knot DNS, behind
 * Unbound as a validating resolver that holds each signed zone's key as its trust anchor. Ask
 * {@link #resolver()}: answers from a correctly signed zone carry the AD bit, an unsigned zone's
 * answers do not, and a zone whose signatures expired answers SERVFAIL (bogus). Each server has its
 * own config directory and high port. A missing program FAILS the test with the package to install.
 */
public final class SignedZone implements AutoCloseable {
    /** How a zone is signed. */
    public enum Signing { NONE, VALID, EXPIRED }

    /** A zone: its name, its records in zone-file syntax (owner names relative or absolute), and its signing. */
    public record Zone(String name, List<String> records, Signing signing) {}

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private InetSocketAddress resolver;

    private SignedZone() {}

    public static SignedZone start(Path dir, List<Zone> zones) throws Exception {
        SignedZone z = new SignedZone();
        try {
            z.startAll(dir, zones);
        } catch (Throwable t) {
            z.close();
            throw t;
        }
        return z;
    }

    /** The validating resolver (Unbound), for {@code --resolver}. */
    public InetSocketAddress resolver() {
        return resolver;
    }

    private void startAll(Path dir, List<Zone> zones) throws Exception {
        String keygen = need("ldns-keygen", "ldnsutils");
        String signzone = need("ldns-signzone", "ldnsutils");
        String knotd = need("knotd", "knot");
        String unbound = need("unbound", "unbound");
        Path zoneDir = Files.createDirectories(dir.resolve("zones"));
        List<String> anchors = new ArrayList<>();
        StringBuilder knotZones = new StringBuilder();
        for (Zone zone : zones) {
            Path file = zoneDir.resolve(zone.name() + ".zone");
            Files.writeString(file, zoneFile(zone));
            String served = file.getFileName().toString();
            if (zone.signing() != Signing.NONE) {
                String ksk = run(zoneDir, keygen, "-a", "ECDSAP256SHA256", "-k", zone.name()).trim();
                String zsk = run(zoneDir, keygen, "-a", "ECDSAP256SHA256", zone.name()).trim();
                List<String> sign = new ArrayList<>(List.of(signzone));
                if (zone.signing() == Signing.EXPIRED) sign.addAll(List.of("-i", "20200101", "-e", "20200201"));
                sign.addAll(List.of(served, zsk, ksk));
                run(zoneDir, sign.toArray(String[]::new));
                served += ".signed";
                anchors.add(Files.readString(zoneDir.resolve(ksk + ".key")).trim().replaceAll("\\s+", " "));
            }
            knotZones.append("  - domain: ").append(zone.name()).append("\n    file: ").append(zoneDir.resolve(served)).append('\n');
        }
        int knotPort = freePort();
        Path knotRun = Files.createDirectories(dir.resolve("knot"));
        Path knotConf = Files.writeString(knotRun.resolve("knot.conf"), String.join("\n",
                "server:", "  listen: 127.0.0.1@" + knotPort, "  rundir: " + knotRun,
                "database:", "  storage: " + knotRun.resolve("db"),
                "log:", "  - target: stderr", "    any: info",
                "template:", "  - id: default", "    dnssec-signing: off", "    zonefile-load: whole",
                "    journal-content: none", "    zonefile-sync: -1",
                "zone:", knotZones.toString()));
        processes.add(start(knotRun.resolve("knotd.log"), knotd, "-c", knotConf.toString()));
        awaitAnswer(new InetSocketAddress("127.0.0.1", knotPort), zones.get(0).name());

        int unboundPort = freePort();
        Path unboundDir = Files.createDirectories(dir.resolve("unbound"));
        List<String> conf = new ArrayList<>(List.of("server:", "  interface: 127.0.0.1", "  port: " + unboundPort,
                "  do-ip6: no", "  access-control: 127.0.0.0/8 allow", "  username: \"\"", "  chroot: \"\"",
                "  directory: \"" + unboundDir + "\"", "  pidfile: \"\"", "  use-syslog: no", "  logfile: \"\"",
                "  verbosity: 1", "  val-log-level: 2", "  do-not-query-localhost: no", "  qname-minimisation: no",
                "  module-config: \"validator iterator\"", "  local-zone: \"test.\" nodefault"));
        for (String a : anchors) conf.add("  trust-anchor: \"" + a + "\"");
        conf.addAll(List.of("remote-control:", "  control-enable: no"));
        for (Zone zone : zones) conf.addAll(List.of("stub-zone:", "  name: \"" + zone.name() + ".\"", "  stub-addr: 127.0.0.1@" + knotPort));
        Path unboundConf = Files.writeString(unboundDir.resolve("unbound.conf"), String.join("\n", conf) + "\n");
        processes.add(start(unboundDir.resolve("unbound.log"), unbound, "-d", "-c", unboundConf.toString()));
        resolver = new InetSocketAddress("127.0.0.1", unboundPort);
        awaitAnswer(resolver, zones.get(0).name());
    }

    private static String zoneFile(Zone zone) {
        List<String> lines = new ArrayList<>(List.of("$ORIGIN " + zone.name() + ".", "$TTL 60",
                "@ SOA ns." + zone.name() + ". hostmaster." + zone.name() + ". 1 3600 600 86400 60",
                "@ NS ns." + zone.name() + ".", "ns A 127.0.0.1"));
        lines.addAll(zone.records());
        return String.join("\n", lines) + "\n";
    }

    private static String need(String program, String debianPackage) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p.toString();
        }
        return Assertions.fail(program + " is not installed (apt-get install " + debianPackage + "); the DNSSEC/DANE tests need it");
    }

    private static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(Long.MAX_VALUE, TimeUnit.DAYS);
        if (p.exitValue() != 0) Assertions.fail(String.join(" ", cmd) + " exited with " + p.exitValue() + ": " + out);
        return out;
    }

    private Process start(Path log, String... cmd) throws IOException {
        logs.add(log);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the server answers for the zone's SOA; a server that died fails the test with its log. */
    private void awaitAnswer(InetSocketAddress server, String zone) throws Exception {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(Duration.ofMillis(500));
        Message q = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN));
        Await.until(() -> {
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.isAlive()) Assertions.fail(logs.get(i).getFileName() + ": exited with " + p.exitValue() + ": " + Files.readString(logs.get(i)));
            }
            try {
                int rcode = r.send(q).getRcode();
                return rcode == Rcode.NOERROR || rcode == Rcode.SERVFAIL;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes.reversed()) {
            p.destroy();
            p.waitFor();
        }
    }
}
