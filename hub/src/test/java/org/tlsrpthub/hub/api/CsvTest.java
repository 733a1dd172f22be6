package org.tlsrpthub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void neutralisesFormulasInTextButNotNumbers() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell(-2L)).isEqualTo("-2");
        assertThat(Csv.cell(0.25)).isEqualTo("0.25");
    }

    @Test
    void rowsEndWithCrlf() {
        assertThat(new Csv("a", "b").row("x,y", 3L).toString()).isEqualTo("a,b\r\n\"x,y\",3\r\n");
    }
}
