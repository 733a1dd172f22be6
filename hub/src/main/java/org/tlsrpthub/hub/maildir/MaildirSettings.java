package org.tlsrpthub.hub.maildir;

import java.nio.file.Path;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * The Maildir drop directory (keys {@code maildir.*}).
 *
 * @param path            {@code maildir.path}: the Maildir (with new/, cur/, tmp/); null: not watched
 * @param rescanSeconds   {@code maildir.rescan-seconds}: full rescan interval besides the change watch (default 60)
 * @param quarantineName  {@code maildir.quarantine-folder}: Maildir++ sub-folder for quarantined mail (default .Quarantine)
 */
public record MaildirSettings(Path path, int rescanSeconds, String quarantineName) {

    public static MaildirSettings from(Settings s) {
        String p = s.get("maildir.path");
        int rescan = s.getInt("maildir.rescan-seconds", 60);
        if (rescan < 1) throw new SettingsException("maildir.rescan-seconds must be at least 1");
        String q = s.get("maildir.quarantine-folder", ".Quarantine");
        if (!q.startsWith(".") || q.contains("/")) {
            throw new SettingsException("maildir.quarantine-folder must be a Maildir++ folder name such as .Quarantine");
        }
        return new MaildirSettings(p == null ? null : Path.of(p), rescan, q);
    }

    public boolean enabled() {
        return path != null;
    }
}
