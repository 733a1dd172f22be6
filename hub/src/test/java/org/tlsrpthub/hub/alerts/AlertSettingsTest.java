package org.tlsrpthub.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.config.SettingsCatalogue;

/** Defaults, global settings, per-domain overrides and the errors bad ones get at start-up. */
class AlertSettingsTest {
    private static AlertSettings of(String... keysAndValues) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return AlertSettings.from(Settings.of(m));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RuleParams p = AlertSettings.defaults().params("failure-rate", "a.test");
        assertThat(p.values()).containsEntry("critical-percent", 5.0).containsEntry("warning-percent", 2.0)
                .containsEntry("window-days", 3.0).containsEntry("min-sessions", 100.0);
        assertThat(AlertSettings.defaults().resolveAfter()).hasHours(24);
    }

    @Test
    void aDomainOverrideChangesOnlyItsDomains() {
        AlertSettings s = of("alerts.rule.failure-rate.critical-percent", "8", "alerts.override.noisy.domains", "noisy.test, Loud.test",
                "alerts.override.noisy.set", "failure-rate.critical-percent=20, sender-failing.enabled=false");
        assertThat(s.params("failure-rate", "quiet.test").percent("critical-percent")).isEqualTo(8.0);
        assertThat(s.params("failure-rate", "noisy.test").percent("critical-percent")).isEqualTo(20.0);
        assertThat(s.params("failure-rate", "loud.test").percent("warning-percent")).isEqualTo(2.0);
        assertThat(s.params("sender-failing", "noisy.test").enabled()).isFalse();
        assertThat(s.params("sender-failing", "quiet.test").enabled()).isTrue();
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheValue() {
        assertThatThrownBy(() -> of("alerts.rule.failure-rate.critical-percent", "150")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("alerts.rule.failure-rate.critical-percent").hasMessageContaining("'150'").hasMessageContaining("0 and 100");
        assertThatThrownBy(() -> of("alerts.override.x.domains", "a.test", "alerts.override.x.set", "failure-rat.critical-percent=3"))
                .hasMessageContaining("alerts.override.x.set").hasMessageContaining("unknown rule id 'failure-rat'");
        assertThatThrownBy(() -> of("alerts.override.x.domains", "a.test", "alerts.override.x.set", "failure-rate.critical=3"))
                .hasMessageContaining("has no parameter 'critical'");
        assertThatThrownBy(() -> of("alerts.override.x.set", "failure-rate.critical-percent=3")).hasMessageContaining("alerts.override.x.domains");
        assertThatThrownBy(() -> of("alerts.rule.missing-reports.silent-days", "0")).hasMessageContaining("at least 1");
        // an unknown rule id in a key is an unknown key: refused with the closest one
        assertThatThrownBy(() -> Settings.of(Map.of("alerts.rule.failure-rat.critical-percent", "3")))
                .hasMessageContaining("alerts.rule.failure-rat.critical-percent").hasMessageContaining("alerts.rule.failure-rate.critical-percent");
    }

    @Test
    void everyRuleParameterIsASetting() {
        assertThat(SettingsCatalogue.KEYS).contains("alerts.rule.failure-rate.critical-percent", "alerts.rule.intake.receiver-failing-minutes",
                "alerts.rule.missing-reports.enabled", "alerts.override.NAME.set");
    }
}
