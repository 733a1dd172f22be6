package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {
    static final Duration SIX_HOURS = Duration.ofHours(6);
    final CheckSchedule schedule = new CheckSchedule(SIX_HOURS);

    @Test
    void eachDomainHasItsOwnSlotFromItsNameAlone() {
        assertThat(schedule.offsetMillis("a.test")).isEqualTo(new CheckSchedule(SIX_HOURS).offsetMillis("a.test"));
        // 1,000 domains spread over the interval: every hour of the six holds a sixth of them, give or take
        int[] perHour = new int[6];
        for (int i = 0; i < 1000; i++) {
            long offset = schedule.offsetMillis("domain" + i + ".example.com");
            assertThat(offset).isBetween(0L, SIX_HOURS.toMillis() - 1);
            perHour[(int) (offset / Duration.ofHours(1).toMillis())]++;
        }
        for (int n : perHour) assertThat(n).isBetween(120, 215);
    }

    @Test
    void aDomainNeverCheckedIsDueAtOnce() {
        assertThat(schedule.due("a.test", null, Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
    }

    @Test
    void afterACheckTheDomainIsDueAtItsSlotOncePerInterval() {
        Instant last = Instant.parse("2026-03-01T00:00:00Z");
        Instant next = schedule.nextDue("a.test", last);
        assertThat(Duration.between(last, next)).isBetween(SIX_HOURS.dividedBy(2), SIX_HOURS.multipliedBy(3).dividedBy(2));
        assertThat(Math.floorMod(next.toEpochMilli(), SIX_HOURS.toMillis())).isEqualTo(schedule.offsetMillis("a.test"));
        assertThat(schedule.due("a.test", last, next.minusMillis(1))).isFalse();
        assertThat(schedule.due("a.test", last, next)).isTrue();
        // checked at its slot: the next is exactly one interval later
        assertThat(schedule.nextDue("a.test", next)).isEqualTo(next.plus(SIX_HOURS));
    }

    @Test
    void domainsCheckedTogetherAreDueAtDifferentTimesAfterwards() {
        Instant last = Instant.parse("2026-03-01T00:00:00Z");
        Set<Instant> next = new HashSet<>();
        for (int i = 0; i < 50; i++) next.add(schedule.nextDue("d" + i + ".test", last));
        assertThat(next).hasSizeGreaterThan(45);
    }
}
