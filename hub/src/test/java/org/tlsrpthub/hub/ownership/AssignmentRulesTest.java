package org.tlsrpthub.hub.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {
    private static DomainRule rule(String pattern, String org) {
        return new DomainRule(pattern, org, null);
    }

    @Test
    void theMostSpecificMatchingRuleDecides() {
        AssignmentRules rules = new AssignmentRules(List.of(rule("*", "all"), rule("*.example.com", "a"),
                rule("*.eu.example.com", "b"), rule("x.eu.example.com", "c")));
        assertThat(rules.orgFor("x.eu.example.com")).isEqualTo("c");
        assertThat(rules.orgFor("y.x.eu.example.com")).isEqualTo("b");
        assertThat(rules.orgFor("eu.example.com")).isEqualTo("a");
        assertThat(rules.orgFor("example.com")).isEqualTo("all");
        assertThat(rules.orgFor("notexample.com")).isEqualTo("all");
    }

    @Test
    void withoutACatchAllAnUnmatchedDomainHasNoOrganisation() {
        AssignmentRules rules = new AssignmentRules(List.of(rule("*.example.com", "a")));
        assertThat(rules.orgFor("example.com")).isNull();
        assertThat(rules.orgFor("badexample.com")).isNull();
        assertThat(rules.match("m.example.com").pattern()).isEqualTo("*.example.com");
    }

    @Test
    void patternsAreNormalisedLikeStoredDomains() {
        assertThat(DomainRule.normalisePattern(" *.Bücher.Example. ")).isEqualTo("*.xn--bcher-kva.example");
        assertThat(DomainRule.normalisePattern("*")).isEqualTo("*");
        assertThat(DomainRule.normalisePattern("Example.COM")).isEqualTo("example.com");
    }
}
