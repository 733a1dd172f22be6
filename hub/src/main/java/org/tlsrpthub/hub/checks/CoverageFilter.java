package org.tlsrpthub.hub.checks;

import java.util.Locale;
import java.util.function.Predicate;

/** The coverage page's filters: each keeps the domains that need that kind of attention. */
public enum CoverageFilter {
    ALL("all domains", r -> true),
    NOT_CHECKED("not checked yet", r -> !r.checked()),
    MISSING_TLSRPT("missing TLS-RPT", r -> r.checked() && !"valid".equals(r.tlsrptStatus())),
    RUA_ELSEWHERE("rua does not reach this hub", r -> r.checked() && "valid".equals(r.tlsrptStatus()) && !Boolean.TRUE.equals(r.reachesHub())),
    MISSING_MTA_STS("missing MTA-STS", r -> r.checked() && !"valid".equals(r.mtaStsRecord())),
    NOT_ENFORCING("policy not enforce", r -> r.checked() && !"enforce".equals(r.policyMode())),
    MX_NOT_COVERED("MX not covered", r -> Boolean.FALSE.equals(r.mxCovered())),
    NO_STARTTLS("STARTTLS missing on an MX", r -> Boolean.FALSE.equals(r.starttlsAll())),
    CERTIFICATE_SOON("certificate < 21 days", r -> r.minDaysToExpiry() != null && r.minDaysToExpiry() < 21),
    ERRORS("with errors", r -> r.errors() != null && r.errors() > 0);

    private final String label;
    private final Predicate<CoverageRow> keeps;

    CoverageFilter(String label, Predicate<CoverageRow> keeps) {
        this.label = label;
        this.keeps = keeps;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    public boolean keeps(CoverageRow row) {
        return keeps.test(row);
    }

    /** The filter named {@code id}; blank means {@link #ALL}. */
    public static CoverageFilter of(String id) {
        if (id == null || id.isBlank()) return ALL;
        for (CoverageFilter f : values()) if (f.id().equals(id.trim())) return f;
        StringBuilder known = new StringBuilder();
        for (CoverageFilter f : values()) known.append(known.isEmpty() ? "" : ", ").append(f.id());
        throw new IllegalArgumentException("unknown coverage filter '" + id + "': use one of " + known);
    }
}
