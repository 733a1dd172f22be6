package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.record.RuaDestination;
import org.tlsrpthub.hub.config.Settings;

/** The hub's own destinations come from the receivers' settings. */
class HubDestinationsTest {

    @Test
    void smtpRecipientsImapUsersAndThePublicUrlAreTheHubs() {
        HubDestinations h = HubDestinations.from(Settings.of(Map.of(
                "smtp.recipients", "TLSRPT@Hub.test, @reports.hub.test, *, broken@",
                "imap.work.user", "mailbox@hub.test", "imap.other.user", "just-a-login",
                "http.public-url", "https://hub.test/", "http.path", "/reports")));
        assertThat(h.addresses()).containsExactly("tlsrpt@hub.test", "mailbox@hub.test");
        assertThat(h.domains()).containsExactly("reports.hub.test");
        assertThat(h.urls()).containsExactly("https://hub.test/reports");
        assertThat(h.reaches(RuaDestination.mailto("tlsrpt@HUB.test"))).isTrue();
        assertThat(h.reaches(RuaDestination.mailto("anyone@reports.hub.test"))).isTrue();
        assertThat(h.reaches(RuaDestination.mailto("someone@hub.test"))).isFalse();
        assertThat(h.reaches(RuaDestination.https("https://HUB.test:443/reports/"))).isTrue();
        assertThat(h.reaches(RuaDestination.https("https://hub.test/other"))).isFalse();
        assertThat(h.destinations()).extracting(RuaDestination::uri)
                .containsExactly("mailto:tlsrpt@hub.test", "mailto:mailbox@hub.test", "https://hub.test/reports");
    }

    @Test
    void nothingConfiguredIsUnknownAndAPlainHttpUrlDoesNotCount() {
        assertThat(HubDestinations.from(Settings.of(Map.of())).known()).isFalse();
        assertThat(HubDestinations.from(Settings.of(Map.of("http.public-url", "http://hub.test"))).known()).isFalse();
    }
}
