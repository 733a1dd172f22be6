package org.tlsrpthub.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MonthSplitTest {
    @Test
    void coversEveryDayOfThePeriodExactlyOnce() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(800));
            Period p = new Period(from, from.plusDays(rnd.nextInt(400)));
            MonthSplit s = MonthSplit.of(p);
            long covered = 0;
            for (long day = p.fromEpochDay(); day <= p.toEpochDay(); day++) {
                LocalDate d = LocalDate.ofEpochDay(day);
                int hits = 0;
                if (day >= s.headFrom() && day <= s.headTo()) hits++;
                if (day >= s.tailFrom() && day <= s.tailTo()) hits++;
                long month = d.withDayOfMonth(1).toEpochDay();
                if (month >= s.firstMonth() && month <= s.lastMonth()) hits++;
                assertThat(hits).as(p + " day " + d).isEqualTo(1);
                covered++;
            }
            assertThat(covered).isEqualTo(p.days());
            // whole months only: a month in range starts and ends inside the period
            if (s.firstMonth() <= s.lastMonth()) {
                assertThat(s.firstMonth()).isGreaterThanOrEqualTo(p.fromEpochDay());
                assertThat(LocalDate.ofEpochDay(s.lastMonth()).plusMonths(1).minusDays(1).toEpochDay())
                        .isLessThanOrEqualTo(p.toEpochDay());
            }
        }
    }
}
