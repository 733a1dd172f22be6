package org.tlsrpthub.hub.checks.probe;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one SMTP session with one address saw, before any judgement.
 *
 * @param detail         why the dialogue stopped early, in plain words (null when the handshake completed)
 * @param greetingMillis how long the greeting took, -1 when none came
 * @param chain          the presented chain, leaf first (empty without a handshake)
 */
record AddressObservation(String address, StartTlsOutcome outcome, String detail, long greetingMillis,
                          String protocol, String cipher, List<X509Certificate> chain) {
    AddressObservation {
        chain = List.copyOf(chain);
    }

    static AddressObservation stopped(String address, StartTlsOutcome outcome, String detail, long greetingMillis) {
        return new AddressObservation(address, outcome, detail, greetingMillis, null, null, List.of());
    }
}
