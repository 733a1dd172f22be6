package org.tlsrpthub.hub.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the inputs under the paths given to {@code import}: files as they are (their content
 * decides what they are, not their name), directories recursively in name order, mbox files split
 * into messages, and Maildir folders (only {@code cur} and {@code new}: {@code tmp} holds
 * messages still being delivered).
 */
public final class InputWalker {
    private InputWalker() {}

    public static void walk(List<Path> paths, Consumer<InputFile> sink) {
        for (Path p : paths) visit(p, sink);
    }

    private static void visit(Path p, Consumer<InputFile> sink) {
        if (Files.isDirectory(p)) {
            List<Path> children;
            try (Stream<Path> s = Files.list(p)) {
                children = new ArrayList<>(s.sorted().toList());
            } catch (IOException e) {
                sink.accept(InputFile.unreadable(p.toString(), "cannot list directory: " + e.getMessage()));
                return;
            }
            if (isMaildir(p)) children.removeIf(c -> c.getFileName().toString().equals("tmp"));
            for (Path c : children) visit(c, sink);
        } else if (Files.isRegularFile(p)) {
            readFile(p, sink);
        } else if (!Files.exists(p)) {
            sink.accept(InputFile.unreadable(p.toString(), "no such file or directory"));
        }
        // sockets, devices and the like are not inputs
    }

    private static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    private static void readFile(Path p, Consumer<InputFile> sink) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException | OutOfMemoryError e) {
            sink.accept(InputFile.unreadable(p.toString(), "cannot read: " + e.getMessage()));
            return;
        }
        if (Mbox.looksLikeMbox(bytes)) {
            List<byte[]> messages = Mbox.split(bytes);
            if (messages.size() > 1) {
                for (int i = 0; i < messages.size(); i++) sink.accept(InputFile.read(p + "#" + (i + 1), messages.get(i)));
                return;
            }
        }
        sink.accept(InputFile.read(p.toString(), bytes));
    }
}
