package org.tlsrpthub.hub.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * What the overview shows: a period, an optional name filter, an order and a page.
 *
 * @param nameContains case-insensitive substring of the domain name; empty for all
 * @param status       only domains with this status; null for all
 * @param page         0-based
 */
public record OverviewQuery(Period period, String nameContains, DomainStatus status, Sort sort, boolean descending,
        int page, int size) {

    public static final int MAX_SIZE = 500;

    public OverviewQuery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(sort, "sort");
        nameContains = nameContains == null ? "" : nameContains.trim().toLowerCase(Locale.ROOT);
        if (page < 0) throw new IllegalArgumentException("page must not be negative");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }

    /** Orders the overview offers; ties are broken by domain name. */
    public enum Sort {
        DOMAIN, SESSIONS, REPORTS, FAILED, FAILURE_RATE, LAST_REPORT, STATUS;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Sort of(String id) {
            for (Sort s : values()) if (s.id().equals(id)) return s;
            throw new IllegalArgumentException("unknown sort '" + id + "' (expected one of "
                    + java.util.Arrays.stream(values()).map(Sort::id).toList() + ")");
        }
    }
}
