package org.tlsrpthub.hub.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Maildir's directories and the two moves the hub makes. Delivery agents write into tmp/ and
 * rename into new/ (so a file in new/ is complete); a message read by a client lives in cur/ with
 * an info suffix ({@code :2,S} = seen). Renames within one file system are atomic.
 */
record Maildir(Path root) {

    Path newDir() {
        return root.resolve("new");
    }

    void create() throws IOException {
        for (String d : List.of("new", "cur", "tmp")) Files.createDirectories(root.resolve(d));
    }

    /** Files waiting in new/, oldest name first (names start with the delivery time). */
    List<Path> waiting() throws IOException {
        try (Stream<Path> s = Files.list(newDir())) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** new/X → cur/X:2,S — the message is processed. */
    void markSeen(Path message) throws IOException {
        Files.move(message, root.resolve("cur").resolve(seenName(message)), StandardCopyOption.ATOMIC_MOVE);
    }

    /** new/X → .Quarantine/cur/X:2,S — kept aside for a person to look at. */
    void moveAside(Path message, String folder) throws IOException {
        Maildir q = new Maildir(root.resolve(folder));
        q.create();
        Files.move(message, q.root().resolve("cur").resolve(seenName(message)), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String seenName(Path message) {
        String name = message.getFileName().toString();
        int info = name.indexOf(":2,");
        return info >= 0 ? name.substring(0, info) + ":2,S" : name + ":2,S";
    }
}
