package org.tlsrpthub.hub.bench;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * Everything a live check of {@code count} made-up domains talks to, started on 127.0.0.1 for the
 * check benchmark: dnsmasq serving their records, an HTTPS server for their MTA-STS policies, and an
 * SMTP server offering STARTTLS, all with one self-signed certificate (trusted through {@link #caFile}).
 * Names are under {@code bench.test}, which no resolver outside this server answers.
 */
public final class LoopbackMailDomains implements AutoCloseable {
    /** MX hosts, each on its own loopback address (127.0.1.K), shared round-robin by the domains. */
    static final int MX_HOSTS = 64;
    private final Process dns;
    private final int dnsPort;
    private final HttpsServer policies;
    private final List<ServerSocket> smtp;
    private final ExecutorService smtpSessions = Executors.newVirtualThreadPerTaskExecutor();
    private final Path caFile;

    private LoopbackMailDomains(Process dns, int dnsPort, HttpsServer policies, List<ServerSocket> smtp, Path caFile) {
        this.dns = dns;
        this.dnsPort = dnsPort;
        this.policies = policies;
        this.smtp = smtp;
        this.caFile = caFile;
    }

    public static String domain(int i) {
        return "d" + i + ".bench.test";
    }

    static String mx(int k) {
        return "mx" + k + ".bench.test";
    }

    static String mxAddress(int k) {
        return "127.0.1." + (k + 1);
    }

    public static LoopbackMailDomains start(int count, Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < MX_HOSTS; k++) names.add(mx(k));
        for (int i = 0; i < count; i++) names.add("mta-sts." + domain(i));
        KeyStore keys = selfSigned(names, dir);
        Path ca = Files.writeString(dir.resolve("bench-ca.pem"), PemTls.pem("CERTIFICATE", keys.getCertificate("bench").getEncoded()));
        SSLContext tls = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        tls.init(kmf.getKeyManagers(), null, null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/.well-known/mta-sts.txt", x -> {
            byte[] body = "version: STSv1\r\nmode: testing\r\nmx: *.bench.test\r\nmax_age: 86400\r\n".getBytes(StandardCharsets.US_ASCII);
            x.getResponseHeaders().set("Content-Type", "text/plain");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        https.start();

        List<ServerSocket> smtp = new ArrayList<>();
        smtp.add(new ServerSocket(0, 256, InetAddress.getByName(mxAddress(0))));
        for (int k = 1; k < MX_HOSTS; k++) smtp.add(new ServerSocket(smtp.getFirst().getLocalPort(), 256, InetAddress.getByName(mxAddress(k))));
        int dnsPort = freeUdpPort();
        Process dns = dnsmasq(count, dnsPort);
        LoopbackMailDomains peers = new LoopbackMailDomains(dns, dnsPort, https, smtp, ca);
        for (ServerSocket server : smtp) Thread.ofVirtual().start(() -> peers.acceptSmtp(server, tls));
        return peers;
    }

    public InetSocketAddress resolver() {
        return new InetSocketAddress("127.0.0.1", dnsPort);
    }

    public int httpsPort() {
        return policies.getAddress().getPort();
    }

    public int smtpPort() {
        return smtp.getFirst().getLocalPort();
    }

    public Path caFile() {
        return caFile;
    }

    private static Process dnsmasq(int count, int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "--no-daemon", "--conf-file=/dev/null", "--pid-file=", "--bind-interfaces",
                "--listen-address=127.0.0.1", "--port=" + port, "--no-resolv", "--no-hosts", "--local=/bench.test/"));
        for (int k = 0; k < MX_HOSTS; k++) cmd.add("--host-record=" + mx(k) + "," + mxAddress(k));
        for (int i = 0; i < count; i++) {
            String d = domain(i);
            cmd.add("--txt-record=_smtp._tls." + d + ",v=TLSRPTv1; rua=mailto:tlsrpt@hub.bench.test");
            cmd.add("--txt-record=_mta-sts." + d + ",v=STSv1; id=20261202");
            cmd.add("--mx-host=" + d + "," + mx(i % MX_HOSTS) + ",10");
            cmd.add("--host-record=mta-sts." + d + ",127.0.0.1");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(300, TimeUnit.MILLISECONDS)) throw new IOException("dnsmasq ended at once (exit " + p.exitValue() + ")");
        return p;
    }

    private static String binary() throws IOException {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir, "dnsmasq");
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new IOException("the check benchmark needs dnsmasq (apt-get install dnsmasq-base)");
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** One self-signed certificate for every name, made by the JDK's keytool (no test library in the product). */
    private static KeyStore selfSigned(List<String> names, Path dir) throws Exception {
        Path ks = dir.resolve("bench.p12");
        String san = "SAN=" + String.join(",", names.stream().map(n -> "dns:" + n).toList());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + mx(0), "-ext", san, "-validity", "30", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    private void acceptSmtp(ServerSocket server, SSLContext tls) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                smtpSessions.submit(() -> session(s, tls));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Greeting, EHLO with STARTTLS, the handshake, then EHLO and QUIT inside TLS: what the probe does. */
    private static Void session(Socket plain, SSLContext tls) throws IOException {
        try (plain) {
            plain.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            write(out, "220 bench ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase(java.util.Locale.ROOT);
                if (cmd.startsWith("EHLO")) write(out, "250-bench\r\n250 STARTTLS");
                else if (cmd.startsWith("STARTTLS")) {
                    write(out, "220 go ahead");
                    try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "127.0.0.1", plain.getPort(), false)) {
                        s.setUseClientMode(false);
                        s.startHandshake();
                        BufferedReader tin = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        OutputStream tout = s.getOutputStream();
                        while ((line = tin.readLine()) != null) {
                            if (line.toUpperCase(java.util.Locale.ROOT).startsWith("QUIT")) {
                                write(tout, "221 bye");
                                return null;
                            }
                            write(tout, line.toUpperCase(java.util.Locale.ROOT).startsWith("EHLO") ? "250 bench" : "250 ok");
                        }
                    }
                    return null;
                } else if (cmd.startsWith("QUIT")) {
                    write(out, "221 bye");
                    return null;
                } else write(out, "502 not here");
            }
        }
        return null;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        dns.destroy();
        policies.stop(0);
        for (ServerSocket server : smtp) server.close();
        smtpSessions.shutdownNow();
    }
}
