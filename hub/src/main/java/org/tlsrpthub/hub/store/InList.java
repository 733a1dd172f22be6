package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

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

    /**
     * Those of {@code names} (at least one) that a query finds: {@code sql} makes it for a number of
     * slots, with the list as its only parameters and a name as its first column.
     */
    public static Set<String> among(Connection c, IntFunction<String> sql, List<String> names) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql.apply(slots(names.size())))) {
            bind(ps, 1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Binds {@code names} from parameter {@code first}, padded to {@link #slots}; returns the last parameter bound. */
    public static int bind(PreparedStatement ps, int first, List<String> names) throws SQLException {
        int i = first - 1;
        for (String name : names) ps.setString(++i, name);
        for (int pad = names.size(); pad < slots(names.size()); pad++) ps.setString(++i, names.get(names.size() - 1));
        return i;
    }
}
