package org.tlsrpthub.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> split(String mbox) {
        return Mbox.split(b(mbox)).stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void splitsAtFromLinesAfterABlankLineAndDropsTheSeparators() {
        assertThat(split("From a@b Thu Jan  1 00:00:00 2026\nSubject: one\n\nbody\n\nFrom c@d Thu Jan  1 00:00:01 2026\nSubject: two\n\nbody2\n"))
                .containsExactly("Subject: one\n\nbody\n\n", "Subject: two\n\nbody2\n");
    }

    @Test
    void aFromInsideABodyWithoutABlankLineBeforeItIsNotASeparator() {
        assertThat(split("From a@b x\nSubject: one\n\nline\nFrom here on\n")).containsExactly("Subject: one\n\nline\nFrom here on\n");
    }

    @Test
    void undoesMboxrdQuoting() {
        assertThat(split("From a@b x\nSubject: q\n\n>From the start\n>>From deeper\n> From not quoted\n"))
                .containsExactly("Subject: q\n\nFrom the start\n>From deeper\n> From not quoted\n");
    }

    @Test
    void handlesCrlfMailboxes() {
        assertThat(split("From a@b x\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom c@d y\r\nSubject: two\r\n\r\nb\r\n"))
                .containsExactly("Subject: one\r\n\r\nbody\r\n\r\n", "Subject: two\r\n\r\nb\r\n");
    }

    @Test
    void recognisesMboxByItsFirstLineFollowedByAHeader() {
        assertThat(Mbox.looksLikeMbox(b("From a@b x\nSubject: one\n"))).isTrue();
        assertThat(Mbox.looksLikeMbox(b("{\"organization-name\": \"From x\"}"))).isFalse();
        assertThat(Mbox.looksLikeMbox(b("From: someone@example.com\nSubject: x\n"))).isFalse();
    }
}
