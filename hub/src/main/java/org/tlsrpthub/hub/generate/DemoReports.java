package org.tlsrpthub.hub.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;

/**
 * The demo's story, one domain per situation an operator meets, reported by the real senders'
 * shapes (Google, Microsoft, Mail.Ru, Mimecast, Yahoo) every day up to yesterday:
 * a healthy domain, one failing every day (an MX whose certificate names another host, plus a
 * broken MTA-STS policy host), one with an expired-certificate episode two weeks ago, one that went
 * silent (its TLSRPT record broke), and a few background domains from {@link ReportGenerator}.
 */
public final class DemoReports {
    public static final int DAYS = 40;
    public static final int SENDERS = 5;
    public static final int BACKGROUND_DOMAINS = 6;

    public enum Story {
        HEALTHY("healthy.example"), FAILING("failing.example"), EXPIRED_EPISODE("expired-cert.example"),
        SILENT("silent.example");

        public final String domain;

        Story(String domain) {
            this.domain = domain;
        }
    }

    /** Days (counted back from the last day) of the expired-certificate episode, and of the silence. */
    static final int EPISODE_FROM = 17, EPISODE_TO = 15, SILENT_FOR = 6;

    private final LocalDate lastDay;
    private final long seed;

    /** @param lastDay the newest report's day (yesterday, for a live demo) */
    public DemoReports(LocalDate lastDay, long seed) {
        this.lastDay = lastDay;
        this.seed = seed;
    }

    public void forEach(Consumer<Report> sink) {
        LocalDate first = lastDay.minusDays(DAYS - 1);
        ReportGenerator background = new ReportGenerator(seed, first);
        for (int day = 0; day < DAYS; day++) {
            int daysAgo = DAYS - 1 - day;
            for (int s = 0; s < SENDERS; s++) {
                for (Story story : Story.values()) {
                    if (story == Story.SILENT && daysAgo < SILENT_FOR) continue;
                    sink.accept(report(story, SenderShape.forIndex(s), first.plusDays(day), daysAgo));
                }
                for (int d = 0; d < BACKGROUND_DOMAINS; d++) sink.accept(background.report(d, s, day));
            }
        }
    }

    private Report report(Story story, SenderShape shape, LocalDate day, int daysAgo) {
        SplittableRandom rnd = new SplittableRandom(seed ^ story.ordinal() * 0x9E3779B97F4A7C15L ^ day.toEpochDay() << 8 ^ shape.hashCode());
        String domain = story.domain;
        List<String> mx = List.of("mx1." + domain, "mx2." + domain);
        // failing.example moved from testing to enforce ten days ago: senders' cached policies show both
        String mode = story == Story.FAILING && daysAgo >= 10 ? "testing" : "enforce";
        Policy policy = new Policy(PolicyType.STS,
                List.of("version: STSv1", "mode: " + mode, "mx: " + mx.get(0), "mx: " + mx.get(1), "max_age: 604800"),
                domain, shape.style() == SenderShape.Style.MICROSOFT ? List.of() : mx);
        long sessions = Math.max(3, Math.round(shape.sessionsScale() * (0.8 + 0.4 * rnd.nextDouble())));
        List<FailureDetail> details = new ArrayList<>();
        switch (story) {
            case HEALTHY -> {
                if (rnd.nextDouble() < 0.05) details.add(detail(ResultType.VALIDATION_FAILURE, shape, rnd, mx.get(0), 1, null));
            }
            case FAILING -> {
                details.add(detail(ResultType.CERTIFICATE_HOST_MISMATCH, shape, rnd, mx.get(1), Math.max(1, sessions / 4), null));
                if (shape.style() == SenderShape.Style.GOOGLE) {
                    details.add(detail(ResultType.STS_POLICY_FETCH_ERROR, shape, rnd, null, Math.max(1, sessions / 20),
                            "bad https response code: 404"));
                }
            }
            case EXPIRED_EPISODE -> {
                if (daysAgo <= EPISODE_FROM && daysAgo >= EPISODE_TO) {
                    details.add(detail(ResultType.CERTIFICATE_EXPIRED, shape, rnd, mx.get(0), Math.max(1, sessions * 9 / 10), null));
                }
            }
            case SILENT -> { }
        }
        long failed = details.stream().mapToLong(FailureDetail::failedSessionCount).sum();
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        DateRange range = new DateRange(start, start.plusSeconds(86_399));
        String reportId = start + "_" + domain + "_" + shape.style().name().toLowerCase() + shape.sessionsScale();
        return new Report(shape.organizationName(), range, shape.contactInfo(), reportId,
                List.of(new PolicyResult(policy, new Summary(sessions - failed, failed), details)));
    }

    private static FailureDetail detail(ResultType type, SenderShape shape, SplittableRandom rnd, String host, long n, String reason) {
        String ip = shape.style() == SenderShape.Style.MICROSOFT ? "2a01:111:f400:7e" + Integer.toHexString(rnd.nextInt(16)) + "::1"
                : "209.85.220." + (10 + rnd.nextInt(20));
        return new FailureDetail(type, ip, host, host, host == null ? null : "192.0.2." + (host.startsWith("mx1") ? 10 : 20),
                n, null, reason);
    }
}
