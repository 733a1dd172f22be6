package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day:sessions series the evaluation's grouped reads bring back, split again. */
class DaySessionsTest {
    private static List<String> pairs(String series) {
        List<String> out = new ArrayList<>();
        DaySessions.each(series, (day, sessions) -> out.add(day + "=" + sessions));
        return out;
    }

    @Test
    void everyPairInTheOrderWritten() {
        assertThat(pairs("20453:7,20420:0,20421:9000000000")).containsExactly("20453=7", "20420=0", "20421=9000000000");
    }

    @Test
    void oneDayAndDaysBefore1970() {
        assertThat(pairs("20453:1")).containsExactly("20453=1");
        assertThat(pairs("-3:12")).containsExactly("-3=12");
    }
}
