package org.tlsrpthub.hub.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON text of a domain's policy cells, as either database writes it, read back cell by cell. */
class CellsJsonTest {
    private static List<PolicyData.Cell> cells(String json) {
        List<PolicyData.Cell> out = new ArrayList<>();
        CellsJson.each(json, (day, reporter, key, kind, type, mx, sessions) -> out.add(new PolicyData.Cell(day, reporter, key, kind, type, mx, sessions)));
        return out;
    }

    @Test
    void sqlitesCompactTextAndPostgresqlsSpacedTextReadAlike() {
        String sqlite = "[[20603,\"google.com\",\"ab12\",\"D\",\"validation-failure\",\"mx1.example\",7],[20604,\"google.com\",\"ab12\",\"R\",\"\",\"\",1]]";
        String postgresql = "[[20603, \"google.com\", \"ab12\", \"D\", \"validation-failure\", \"mx1.example\", 7], \n"
                + " [20604, \"google.com\", \"ab12\", \"R\", \"\", \"\", 1]]";
        assertThat(cells(sqlite)).isEqualTo(cells(postgresql)).containsExactly(
                new PolicyData.Cell(20603, "google.com", "ab12", "D", "validation-failure", "mx1.example", 7),
                new PolicyData.Cell(20604, "google.com", "ab12", "R", "", "", 1));
    }

    @Test
    void everyEscapeIsDecodedAndOtherCharactersKept() {
        String json = "[[-3,\"a\\\"b\\\\c\\/d\",\"k\",\"S\",\"\\b\\f\\n\\r\\t\",\"nul\\u0000 \\ud83d\\ude80 héllo 🚀, [x]\",9000000000]]";
        assertThat(cells(json)).containsExactly(
                new PolicyData.Cell(-3, "a\"b\\c/d", "k", "S", "\b\f\n\r\t", "nul\u0000 🚀 héllo 🚀, [x]", 9_000_000_000L));
    }

    @Test
    void equalNamesAreOneStringWhetherEscapedOrNot() {
        List<PolicyData.Cell> read = cells("[[1,\"r\\\"1\",\"k\",\"S\",\"\",\"mx\",1],[2,\"r\\\"1\",\"k\",\"F\",\"\",\"mx\",2],[3,\"x\",\"k\",\"R\",\"\",\"mx\",1],"
                + "[4,\"r\\\"1\",\"k\",\"R\",\"\",\"mx\",1]]");
        assertThat(read.get(0).reporter()).isSameAs(read.get(1).reporter()).isSameAs(read.get(3).reporter());
        assertThat(read.get(0).mx()).isSameAs(read.get(3).mx());
    }

    @Test
    void aTextCutShortOrMisshapenIsAClearError() {
        for (String bad : List.of("[[1,\"r\",\"k\",\"S\",\"\",\"mx\",1]", "[[1,\"r\",\"k\",\"S\",\"\",\"mx\"]]", "[[1,\"r", "[[x]]",
                "[[1,\"r\\q\",\"k\",\"S\",\"\",\"mx\",1]]", "[[1,\"\\u00\"")) {
            assertThatThrownBy(() -> cells(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the policy rollups the database aggregated do not parse").hasMessageContaining("at character");
        }
    }
}
