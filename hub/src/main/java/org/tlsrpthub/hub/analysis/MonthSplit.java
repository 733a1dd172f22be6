package org.tlsrpthub.hub.analysis;

import java.time.LocalDate;

/**
 * A period cut into whole calendar months (read from the monthly rollup) and the days before and
 * after them (read from the daily one). Epoch days throughout; a month is named by the epoch day
 * of its first day; an empty range has from > to.
 */
record MonthSplit(int firstMonth, int lastMonth, int headFrom, int headTo, int tailFrom, int tailTo) {

    static MonthSplit of(Period p) {
        LocalDate from = p.from();
        LocalDate to = p.to();
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to.withDayOfMonth(1)
                : to.withDayOfMonth(1).minusMonths(1);
        if (lastWhole.isBefore(firstWhole)) {
            // no whole month inside: all days, from the daily rollup
            return new MonthSplit(1, 0, (int) from.toEpochDay(), (int) to.toEpochDay(), 1, 0);
        }
        return new MonthSplit((int) firstWhole.toEpochDay(), (int) lastWhole.toEpochDay(),
                (int) from.toEpochDay(), (int) firstWhole.minusDays(1).toEpochDay(),
                (int) lastWhole.plusMonths(1).toEpochDay(), (int) to.toEpochDay());
    }
}
