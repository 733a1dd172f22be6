package org.tlsrpthub.hub.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * An {@code IN (?, …)} list of names padded to a power of two with its last name, so that a few
 * cached statements serve every batch size.
 */
public final class InList {
    private InList() {}

    /** How many parameters a list of {@code names} names takes. */
    public static int slots(int names) {
        return names <= 1 ? 1 : Integer.highestOneBit(names - 1) << 1;
    }

    /** {@code ?, ?, …}: {@code slots} placeholders. */
    public static String placeholders(int slots) {
        return String.join(", ", Collections.nCopies(slots, "?"));
    }

    /** Binds {@code names} from parameter {@code first}, padded to {@link #slots}; returns the last parameter bound. */
    public static int bind(PreparedStatement ps, int first, List<String> names) throws SQLException {
        int i = first - 1;
        for (String name : names) ps.setString(++i, name);
        for (int pad = names.size(); pad < slots(names.size()); pad++) ps.setString(++i, names.get(names.size() - 1));
        return i;
    }
}
