package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out row ids before the rows are written, so that a whole batch of reports, policies and
 * failure details can be sent with JDBC batching instead of one round trip per row.
 */
abstract sealed class IdAllocator {
    static final int BLOCK = 1000;

    static IdAllocator of(Dialect dialect) {
        return dialect == Dialect.SQLITE ? new InTransaction() : new FromSequence();
    }

    /** Reserves {@code count} ids for use in the transaction open on {@code c}. */
    abstract Ids reserve(Connection c, int count) throws SQLException;

    /** The reserved ids of one transaction, handed out in order. */
    static final class Ids {
        private final long[] blockStarts;
        private final int blockSize;
        private int taken;

        Ids(long[] blockStarts, int blockSize) {
            this.blockStarts = blockStarts;
            this.blockSize = blockSize;
        }

        long next() {
            int block = taken / blockSize;
            if (block >= blockStarts.length) throw new IllegalStateException("more ids taken than reserved");
            return blockStarts[block] + (taken++ % blockSize);
        }
    }

    /**
     * SQLite: one writer at a time, so bumping a counter row inside the writing transaction is
     * cheap and rolls back with it (no id is ever used twice, even by another process).
     */
    private static final class InTransaction extends IdAllocator {
        @Override
        Ids reserve(Connection c, int count) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE id_block SET next_id = next_id + ? RETURNING next_id - ?")) {
                ps.setInt(1, count);
                ps.setInt(2, count);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Ids(new long[] {rs.getLong(1)}, Math.max(count, 1));
                }
            }
        }
    }

    /**
     * PostgreSQL: a sequence stepping by {@link #BLOCK}; each nextval reserves a block outside any
     * transaction, so concurrent writers (threads or processes) never wait for each other here.
     */
    private static final class FromSequence extends IdAllocator {
        @Override
        Ids reserve(Connection c, int count) throws SQLException {
            int blocks = Math.max(1, (count + BLOCK - 1) / BLOCK);
            long[] starts = new long[blocks];
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT nextval('hub_id_seq') FROM generate_series(1, ?)")) {
                ps.setInt(1, blocks);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; i < blocks; i++) {
                        rs.next();
                        starts[i] = rs.getLong(1);
                    }
                }
            }
            return new Ids(starts, BLOCK);
        }
    }
}
