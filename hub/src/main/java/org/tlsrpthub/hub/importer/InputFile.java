package org.tlsrpthub.hub.importer;

/**
 * One input found on disk: a file, or one message of an mbox file.
 *
 * @param origin where it came from, for provenance and messages ("dir/a.json", "box.mbox#3")
 * @param bytes  its content; null when it could not be read
 * @param error  why it could not be read; null when it was
 */
public record InputFile(String origin, byte[] bytes, String error) {

    public static InputFile read(String origin, byte[] bytes) {
        return new InputFile(origin, bytes, null);
    }

    static InputFile unreadable(String origin, String error) {
        return new InputFile(origin, null, error);
    }

    public boolean readable() {
        return bytes != null;
    }
}
