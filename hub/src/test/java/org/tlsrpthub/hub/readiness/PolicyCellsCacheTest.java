package org.tlsrpthub.hub.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.readiness.PolicyCellsCache.Day;

/** The cache's bound: a number of cells, the least recently used domain going first, a sweep never evicting. */
class PolicyCellsCacheTest {
    @Test
    void theLeastRecentlyUsedDomainGoesWhenTheCellsWouldPassTheBound() {
        PolicyCellsCache cache = new PolicyCellsCache(10);
        cache.put("a.example", days(4));
        cache.put("b.example", days(4));
        assertThat(cache.get("a.example")).isNotNull(); // a is now the more recently used
        cache.put("c.example", days(4));

        assertThat(cache.get("b.example")).isNull();
        assertThat(cache.get("a.example")).isNotNull();
        assertThat(cache.get("c.example")).isNotNull();
        assertThat(cache.cells()).isEqualTo(8);
    }

    @Test
    void aDomainPutAgainReplacesItsDaysAndItsCount() {
        PolicyCellsCache cache = new PolicyCellsCache(10);
        cache.put("a.example", days(4));
        cache.put("a.example", days(6));
        assertThat(cache.cells()).isEqualTo(6);
        assertThat(cache.get("a.example").get(1).cells()).hasSize(6);
    }

    @Test
    void aSweepKeepsADomainOnlyWhileThereIsRoomAndNeverEvicts() {
        PolicyCellsCache cache = new PolicyCellsCache(10);
        PolicyCellsCache sweep = cache.sweeping();
        cache.put("a.example", days(4));
        sweep.put("b.example", days(4));
        sweep.put("c.example", days(4));

        assertThat(cache.get("a.example")).isNotNull();
        assertThat(cache.get("b.example")).isNotNull();
        assertThat(cache.get("c.example")).isNull();
        assertThat(cache.cells()).isEqualTo(8);
        cache.put("c.example", days(4)); // an ingest batch's domain does evict
        assertThat(cache.get("c.example")).isNotNull();
        assertThat(cache.get("a.example")).isNull();
    }

    @Test
    void aDomainLargerThanTheBoundIsNotHeld() {
        PolicyCellsCache cache = new PolicyCellsCache(10);
        cache.put("a.example", days(4));
        cache.put("big.example", days(11));
        assertThat(cache.get("big.example")).isNull();
        assertThat(cache.get("a.example")).isNotNull();
        assertThat(cache.cells()).isEqualTo(4);
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThatThrownBy(() -> new PolicyCellsCache(-1)).hasMessageContaining("must not be negative: -1");
    }

    /** One day (day 1, revision 1) of {@code cells} cells. */
    private static Map<Integer, Day> days(int cells) {
        List<PolicyData.Cell> list = new ArrayList<>();
        for (int i = 0; i < cells; i++) list.add(new PolicyData.Cell(1, "r", "k", "S", "", "mx" + i, i));
        return Map.of(1, new Day(1, list));
    }
}
