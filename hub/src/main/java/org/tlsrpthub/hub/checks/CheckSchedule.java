package org.tlsrpthub.hub.checks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * When each domain is due. Every domain has its own slot in the interval, fixed by its name (so the
 * domains of a hub are spread over the interval, and every node agrees without talking): a domain
 * is checked at its slot, every interval. A domain never checked is due at once; after a check out
 * of turn ("check now", a first check), the next slot at least half an interval later comes next.
 */
public final class CheckSchedule {
    private final long intervalMillis;

    public CheckSchedule(Duration interval) {
        if (interval.toMillis() < 1) throw new IllegalArgumentException("the check interval must be positive");
        this.intervalMillis = interval.toMillis();
    }

    /** The domain's slot: its offset into each interval, from its name alone. */
    public long offsetMillis(String domain) {
        CRC32 crc = new CRC32();
        crc.update(domain.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue() * 0x9E3779B97F4A7C15L, intervalMillis);
    }

    /** When the domain is next due after a check at {@code last}; null last: due already. */
    public Instant nextDue(String domain, Instant last) {
        if (last == null) return Instant.EPOCH;
        long earliest = last.toEpochMilli() + intervalMillis / 2;
        long offset = offsetMillis(domain);
        long k = Math.floorDiv(earliest - offset + intervalMillis - 1, intervalMillis); // first slot at or after earliest
        return Instant.ofEpochMilli(offset + k * intervalMillis);
    }

    public boolean due(String domain, Instant last, Instant now) {
        return !now.isBefore(nextDue(domain, last));
    }
}
