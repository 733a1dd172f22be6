package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * A real Postfix (Debian's) listening on one loopback address and a high port, with its own config,
 * queue and log under a directory the test owns; STARTTLS with a certificate the test made. It
 * relays nothing (no destinations): it is a peer for probes. A missing Postfix FAILS the test.
 */
public final class Postfix implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/postfix");
    private final Path dir;
    private final InetSocketAddress address;

    private Postfix(Path dir, InetSocketAddress address) {
        this.dir = dir;
        this.address = address;
    }

    /**
     * Starts Postfix on {@code ip} (127.0.0.x) and a free port, presenting {@code certificate} for
     * STARTTLS and greeting as {@code hostname}.
     */
    public static Postfix start(Path dir, String ip, String hostname, TestCa.Leaf certificate) throws Exception {
        if (!Files.isExecutable(BINARY)) Assertions.fail("postfix is not installed (apt-get install postfix); the STARTTLS probe tests need a real MTA");
        if (!"root".equals(System.getProperty("user.name"))) Assertions.fail("starting a private Postfix instance needs root (its daemons drop to the postfix user)");
        letPostfixUserIn(dir);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path queue = Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("data"));
        run("chown", "postfix", data.toString());
        Path[] pem = certificate.writePem(conf, "smtpd");
        int port = freePort(ip);
        Files.writeString(conf.resolve("main.cf"), String.join("\n",
                "compatibility_level = 3.6",
                "queue_directory = " + queue,
                "data_directory = " + data,
                "mail_owner = postfix",
                "setgid_group = postdrop",
                "inet_interfaces = loopback-only",
                "inet_protocols = ipv4",
                "myhostname = " + hostname,
                "mydestination =",
                "relay_domains =",
                "smtpd_peername_lookup = no",
                "smtpd_tls_cert_file = " + pem[0],
                "smtpd_tls_key_file = " + pem[1],
                "smtpd_tls_security_level = may",
                "maillog_file_prefixes = " + dir,
                "maillog_file = " + dir.resolve("maillog"),
                ""));
        // Only the services an SMTP session needs, none chrooted (the queue directory holds no copies of /etc).
        Files.writeString(conf.resolve("master.cf"), String.join("\n",
                ip + ":" + port + " inet n - n - - smtpd",
                "cleanup unix n - n - 0 cleanup",
                "qmgr unix n - n 300 1 qmgr",
                "tlsmgr unix - - n 1000? 1 tlsmgr",
                "rewrite unix - - n - - trivial-rewrite",
                "bounce unix - - n - 0 bounce",
                "defer unix - - n - 0 bounce",
                "trace unix - - n - 0 bounce",
                "verify unix - - n - 1 verify",
                "proxymap unix - - n - - proxymap",
                "error unix - - n - - error",
                "retry unix - - n - - error",
                "discard unix - - n - - discard",
                "anvil unix - - n - 1 anvil",
                "scache unix - - n - 1 scache",
                "postlog unix-dgram n - n - 1 postlogd",
                ""));
        Postfix p = new Postfix(dir, new InetSocketAddress(ip, port));
        int rc = run(BINARY.toString(), "-c", conf.toString(), "start");
        if (rc != 0) Assertions.fail("postfix start exited with " + rc + "; its log: " + p.log());
        Await.until(() -> {
            if (p.masterPid() == null && Files.exists(dir.resolve("maillog")) && p.log().contains("fatal")) {
                Assertions.fail("postfix did not start: " + p.log());
            }
            try (Socket s = new Socket()) {
                s.connect(p.address);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    /** Postfix's daemons run as the postfix user: they must reach the directory (JUnit's temporary directories are private). */
    private static void letPostfixUserIn(Path dir) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null && p.startsWith(tmp) && !p.equals(tmp); p = p.getParent()) {
            Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(p));
            perms.addAll(Set.of(PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(p, perms);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    public String log() throws IOException {
        Path log = dir.resolve("maillog");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private Long masterPid() throws IOException {
        Path pid = dir.resolve("queue/pid/master.pid");
        if (!Files.exists(pid)) return null;
        String s = Files.readString(pid).trim();
        return s.isEmpty() ? null : Long.valueOf(s);
    }

    @Override
    public void close() throws Exception {
        Long pid = masterPid();
        run(BINARY.toString(), "-c", dir.resolve("conf").toString(), "stop");
        if (pid != null) Await.until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(Long.MAX_VALUE, TimeUnit.DAYS);
        return p.exitValue();
    }

    private static int freePort(String ip) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
            return s.getLocalPort();
        }
    }
}
