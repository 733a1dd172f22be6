package org.tlsrpthub.hub.checks.probe;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.tlsrpthub.hub.checks.CaFile;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.net.OutboundGuard;

/**
 * How the STARTTLS prober connects and judges.
 *
 * @param smtpPort          25 unless {@code --smtp-port} says otherwise
 * @param caFile            extra trusted CAs, beside the JDK's roots (the same ones the policy fetch trusts)
 * @param guard             which addresses may be connected to, checked on every address first
 * @param expiresSoonDays   a certificate with fewer days left is reported ({@code certificate-expires-soon})
 * @param connectTimeout    bound on the TCP connect
 * @param greetingTimeout   bound on waiting for the greeting (RFC 5321 §4.5.3.2 lets servers take long)
 * @param slowGreetingAfter a greeting later than this is reported as slow
 * @param stepTimeout       bound on each later step: a reply to EHLO, STARTTLS, QUIT; the TLS handshake
 * @param ehloName          the name the probe gives in EHLO
 * @param limiter           spaces probes of one address (shared by every check of the hub)
 * @param clock             "now" for certificate validity
 */
public record ProbeSettings(int smtpPort, CaFile caFile, OutboundGuard guard, int expiresSoonDays, Duration connectTimeout,
                            Duration greetingTimeout, Duration slowGreetingAfter, Duration stepTimeout, String ehloName,
                            AddressRateLimiter limiter, Clock clock) {
    public static final int DEFAULT_EXPIRES_SOON_DAYS = 21;

    public ProbeSettings {
        if (smtpPort < 1 || smtpPort > 65535) throw new IllegalArgumentException("SMTP port " + smtpPort + " is not 1-65535");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ehloName, "ehloName");
    }

    /** Port 25, 21 days, 10 s connect, 60 s for the greeting (slow after 10 s), 30 s per step. */
    public static ProbeSettings defaults(OutboundGuard guard, AddressRateLimiter limiter, String ehloName) {
        return new ProbeSettings(25, CaFile.NONE, guard, DEFAULT_EXPIRES_SOON_DAYS, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(30), ehloName, limiter, Clock.systemUTC());
    }

    /**
     * The settings of a live check ({@code checks.*} and the {@code check} options): its port, CA
     * file, guard, expiry warning and connect bound; the read bound is each step's.
     */
    public static ProbeSettings from(CheckOptions o, AddressRateLimiter limiter, String ehloName, Clock clock) {
        return new ProbeSettings(o.smtpPort(), o.caFile(), o.guard(), o.expiresSoonDays(), o.connectTimeout(),
                Duration.ofSeconds(60), Duration.ofSeconds(10), o.readTimeout(), ehloName, limiter, clock);
    }

    public ProbeSettings withPort(int port) {
        return new ProbeSettings(port, caFile, guard, expiresSoonDays, connectTimeout, greetingTimeout, slowGreetingAfter,
                stepTimeout, ehloName, limiter, clock);
    }

    /** With the CAs of {@code file} read now. */
    public ProbeSettings withCaFile(Path file) {
        return new ProbeSettings(smtpPort, CaFile.read(file), guard, expiresSoonDays, connectTimeout, greetingTimeout, slowGreetingAfter,
                stepTimeout, ehloName, limiter, clock);
    }

    public ProbeSettings withGreeting(Duration timeout, Duration slowAfter) {
        return new ProbeSettings(smtpPort, caFile, guard, expiresSoonDays, connectTimeout, timeout, slowAfter,
                stepTimeout, ehloName, limiter, clock);
    }
}
