package org.tlsrpthub.hub.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;

/**
 * Realistic synthetic reports for tests and benchmarks: one report per sender, domain and day.
 * Deterministic for a seed, so the same arguments always give the same reports (and report ids).
 */
public final class ReportGenerator {
    /** Failure types weighted roughly as seen in practice: certificate problems and STS fetch errors dominate. */
    private static final ResultType[] FAILURES = {
            ResultType.CERTIFICATE_EXPIRED, ResultType.CERTIFICATE_EXPIRED,
            ResultType.CERTIFICATE_HOST_MISMATCH, ResultType.CERTIFICATE_HOST_MISMATCH,
            ResultType.CERTIFICATE_NOT_TRUSTED, ResultType.STS_POLICY_FETCH_ERROR, ResultType.STS_POLICY_FETCH_ERROR,
            ResultType.STARTTLS_NOT_SUPPORTED, ResultType.VALIDATION_FAILURE, ResultType.STS_WEBPKI_INVALID,
            ResultType.STS_POLICY_INVALID, ResultType.TLSA_INVALID, ResultType.DNSSEC_INVALID,
    };

    private final long seed;
    private final LocalDate firstDay;

    public ReportGenerator(long seed, LocalDate firstDay) {
        this.seed = seed;
        this.firstDay = firstDay;
    }

    public static String domainName(int i) {
        return "domain" + i + ".example";
    }

    /** The report of sender {@code sender} about domain {@code domain} for day {@code day} (0-based). */
    public Report report(int domain, int sender, int day) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (domain * 0x9E3779B97F4A7C15L) ^ ((long) sender << 40) ^ ((long) day << 20));
        SenderShape shape = SenderShape.forIndex(sender);
        String d = domainName(domain);
        Instant start = firstDay.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        DateRange range = new DateRange(start, start.plus(Duration.ofDays(1)).minusSeconds(1));
        List<PolicyResult> policies = new ArrayList<>();
        policies.add(stsPolicy(rnd, shape, d));
        if (shape.style() == SenderShape.Style.MICROSOFT && domain % 5 == 0) policies.add(tlsaPolicy(rnd, shape, d));
        return new Report(shape.organizationName(), range, shape.contactInfo(), reportId(shape, d, start, rnd), policies);
    }

    private static String reportId(SenderShape shape, String domain, Instant start, SplittableRandom rnd) {
        return switch (shape.style()) {
            case GOOGLE -> start + "_" + domain;
            case MICROSOFT -> (133_000_000_000_000_000L + start.getEpochSecond() * 10_000_000L % 1_000_000_000_000_000L
                    + rnd.nextInt(1000)) + "+" + domain;
            case SMALL -> start.getEpochSecond() + "_" + Math.abs(domain.hashCode());
        };
    }

    private static PolicyResult stsPolicy(SplittableRandom rnd, SenderShape shape, String domain) {
        List<String> mx = List.of("mx1." + domain, "mx2." + domain);
        List<String> strings = List.of("version: STSv1", "mode: enforce", "mx: " + mx.get(0), "mx: " + mx.get(1), "max_age: 86400");
        List<String> mxHosts = shape.style() == SenderShape.Style.MICROSOFT ? List.of() : mx;
        return withSessions(rnd, shape, new Policy(PolicyType.STS, strings, domain, mxHosts), mx);
    }

    private static PolicyResult tlsaPolicy(SplittableRandom rnd, SenderShape shape, String domain) {
        List<String> strings = List.of("3 1 1 " + Long.toHexString(rnd.nextLong()).toUpperCase() + "0123456789ABCDEF");
        return withSessions(rnd, shape, new Policy(PolicyType.TLSA, strings, domain, List.of()), List.of("mx1." + domain));
    }

    private static PolicyResult withSessions(SplittableRandom rnd, SenderShape shape, Policy policy, List<String> mx) {
        long ok = 1 + rnd.nextInt(shape.sessionsScale() * 2);
        List<FailureDetail> details = new ArrayList<>();
        long failed = 0;
        if (rnd.nextDouble() < shape.failureRate()) {
            int kinds = 1 + rnd.nextInt(3);
            for (int i = 0; i < kinds; i++) {
                ResultType type = FAILURES[rnd.nextInt(FAILURES.length)];
                long n = 1 + rnd.nextInt(Math.max(1, shape.sessionsScale() / 10));
                failed += n;
                String host = mx.get(rnd.nextInt(mx.size()));
                details.add(new FailureDetail(type, sendingIp(rnd, shape), host,
                        shape.style() == SenderShape.Style.SMALL ? null : host,
                        "192.0.2." + (1 + rnd.nextInt(250)), n,
                        null, type.equals(ResultType.STS_POLICY_FETCH_ERROR) ? "bad https response code: 404" : null));
            }
        }
        return new PolicyResult(policy, new Summary(ok, failed), details);
    }

    private static String sendingIp(SplittableRandom rnd, SenderShape shape) {
        return switch (shape.style()) {
            case GOOGLE -> "209.85." + rnd.nextInt(256) + "." + rnd.nextInt(256);
            case MICROSOFT -> "2a01:111:f400:7e" + Integer.toHexString(rnd.nextInt(256)) + "::" + Integer.toHexString(rnd.nextInt(65536));
            case SMALL -> "198.51.100." + rnd.nextInt(256);
        };
    }
}
