package org.tlsrpthub.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Presets are complete UTC days: they end the day before today. */
class PeriodTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void everyPresetEndsYesterdayAndCoversItsNumberOfDays() {
        assertThat(Period.preset("24h", TODAY)).isEqualTo(new Period(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9)));
        assertThat(Period.preset("7d", TODAY)).isEqualTo(new Period(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 9)));
        for (String name : Period.PRESETS) {
            Period p = Period.preset(name, TODAY);
            assertThat(p.to()).as(name).isEqualTo(TODAY.minusDays(1));
            assertThat(p.days()).as(name).isEqualTo(name.equals("24h") ? 1 : Integer.parseInt(name.replace("d", "")));
        }
    }

    @Test
    void thePreviousPeriodIsTheSameNumberOfDaysJustBefore() {
        Period p = Period.preset("30d", TODAY);
        assertThat(p.previous().to()).isEqualTo(p.from().minusDays(1));
        assertThat(p.previous().days()).isEqualTo(30);
    }

    @Test
    void anUnknownPresetIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> Period.preset("13d", TODAY)).hasMessageContaining("13d").hasMessageContaining("30d");
    }
}
