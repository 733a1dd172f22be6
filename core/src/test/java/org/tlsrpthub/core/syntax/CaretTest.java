package org.tlsrpthub.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaretTest {

    @Test
    void theCaretStandsUnderTheOffendingCharacter() {
        assertThat(Caret.render("abc", 1)).isEqualTo("  abc\n   ^");
        assertThat(Caret.render("abc", 3)).isEqualTo("  abc\n     ^");
    }

    @Test
    void controlCharactersAndTabsAreShownAsQuestionMarksToKeepTheAlignment() {
        assertThat(Caret.render("a\tb\u0000c", 4)).isEqualTo("  a?b?c\n      ^");
    }

    @Test
    void aVeryLongRecordIsCutToAWindowAroundTheCaret() {
        String text = "x".repeat(200) + "!" + "y".repeat(200);
        String[] lines = Caret.render(text, 200).split("\n");
        assertThat(lines[0]).startsWith("  …").endsWith("…").contains("!");
        assertThat(lines[1].indexOf('^')).isEqualTo(lines[0].indexOf('!'));
        assertThat(lines[0].length()).isLessThan(130);
    }
}
