package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real DNS server (dnsmasq) on loopback serving a test zone (TXT, MX, A/AAAA, CNAME). A missing dnsmasq FAILS the
 * test (CI installs it in .ci/run): a DKIM test that silently skipped would prove nothing.
 */
public final class Dnsmasq implements AutoCloseable {
    private final Process process;
    private final InetSocketAddress address;

    private Dnsmasq(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Starts dnsmasq answering TXT {@code name} with the given value, split into 255-byte strings. */
    public static Dnsmasq serving(String name, String txtValue) throws Exception {
        return zone().txt(name, txtValue).start(name);
    }

    /** A test zone to build: TXT, MX, A/AAAA and CNAME records under the reserved names {@code *.test} and {@code example.*}. */
    public static Zone zone() {
        return new Zone();
    }

    /**
     * The records dnsmasq serves. It is authoritative ({@code --local}) for {@code test},
     * {@code example.com}, {@code example.net} and {@code example.org}: an unknown name there is
     * NXDOMAIN, a known name without the type asked is an empty answer, any other name is REFUSED.
     */
    public static final class Zone {
        private final List<String> records = new ArrayList<>();

        /** A TXT record; call again for a second record at the same name. */
        public Zone txt(String name, String value) {
            records.add("--txt-record=" + name + "," + characterStrings(value));
            return this;
        }

        /** An MX record; {@code host} "." is a null MX (RFC 7505). */
        public Zone mx(String domain, String host, int preference) {
            records.add("--mx-host=" + domain + "," + host + "," + preference);
            return this;
        }

        /** An A or AAAA record (exact name, unlike --address, which covers the whole subtree). */
        public Zone host(String name, String address) {
            records.add("--host-record=" + name + "," + address);
            return this;
        }

        /** A CNAME; dnsmasq follows it to records it serves itself (TXT, A). */
        public Zone cname(String alias, String target) {
            records.add("--cname=" + alias + "," + target);
            return this;
        }

        public Dnsmasq start() throws Exception {
            return txt(READY, "ready").start(READY);
        }

        private Dnsmasq start(String awaitName) throws Exception {
            String binary = find();
            // dnsmasq listens on UDP and TCP: a port free for UDP may be taken for TCP by the time it
            // starts (exit code 2, address in use); then try another.
            for (int attempt = 1; ; attempt++) {
                int port = freeUdpPort();
                List<String> cmd = new ArrayList<>(List.of(binary, "--no-daemon", "--conf-file=/dev/null", "--pid-file=",
                        "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port, "--no-resolv", "--no-hosts",
                        "--local=/test/", "--local=/example.com/", "--local=/example.net/", "--local=/example.org/"));
                cmd.addAll(records);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS) && p.exitValue() == 2 && attempt < 5) continue;
                Dnsmasq d = new Dnsmasq(p, new InetSocketAddress("127.0.0.1", port));
                d.awaitAnswer(awaitName);
                return d;
            }
        }
    }

    private static final String READY = "ready.dnsmasq.test";

    public InetSocketAddress address() {
        return address;
    }

    /** "host:port", the form of the dns.resolver setting. */
    public String resolverSetting() {
        return "127.0.0.1:" + address.getPort();
    }

    /**
     * TXT character-strings are at most 255 bytes (RFC 1035 §3.3): longer values go as several. On
     * dnsmasq's command line each comma starts a new string; quotes would be kept literally.
     */
    static String characterStrings(String value) {
        if (value.contains(",")) throw new IllegalArgumentException("a comma would split the TXT value: " + value);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) parts.add(value.substring(i, Math.min(value.length(), i + 255)));
        return String.join(",", parts);
    }

    private static String find() {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir, "dnsmasq");
            if (Files.isExecutable(p)) return p.toString();
        }
        return Assertions.fail("dnsmasq is not installed (apt-get install dnsmasq-base); the DKIM tests need a real DNS server");
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitAnswer(String name) throws Exception {
        SimpleResolver r = new SimpleResolver(address);
        r.setTimeout(Duration.ofMillis(300));
        for (int i = 0; i < 50; i++) {
            if (!process.isAlive()) Assertions.fail("dnsmasq exited with " + process.exitValue());
            Lookup l = new Lookup(name, Type.TXT);
            l.setResolver(r);
            l.setCache(null);
            l.run();
            if (l.getResult() == Lookup.SUCCESSFUL) return;
            Thread.sleep(100);
        }
        close();
        Assertions.fail("dnsmasq did not answer for " + name);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
