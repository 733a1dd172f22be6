package org.tlsrpthub.hub.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bounded HTTP answer reader on bytes as servers send them, well-formed and not. */
class HttpAnswerTest {

    private static HttpAnswer read(String wire, int maxBody) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        return HttpAnswer.readHead(in).readBody(in, maxBody);
    }

    @Test
    void lengthChunkedAndReadToCloseBodiesAreRead() throws IOException {
        assertThat(new String(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 10).body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        HttpAnswer chunked = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2;x=y\r\nlo\r\n0\r\n\r\n", 10);
        assertThat(new String(chunked.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        HttpAnswer toClose = read("HTTP/1.0 200\nContent-Type: text/plain\n\nhello", 10);
        assertThat(toClose.status()).isEqualTo(200);
        assertThat(toClose.header("CONTENT-TYPE")).isEqualTo("text/plain");
        assertThat(new String(toClose.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void tooLargeBodiesAreRefusedHoweverSent() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world", 10)).hasMessageContaining("Content-Length says 11");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", 10))
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n\r\nhello world", 10)).hasMessageContaining("larger than");
    }

    @Test
    void malformedAnswersAreProtocolErrorsNamingWhatWasWrong() {
        assertThatThrownBy(() -> read("", 10)).isInstanceOf(ProtocolException.class).hasMessageContaining("without answering");
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n", 10)).hasMessageContaining("not HTTP: it begins 'SSH-2.0-OpenSSH'");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", 10)).hasMessageContaining("malformed header");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n", 10)).hasMessageContaining("negative");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n", 10)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhello", 10)).hasMessageContaining("after 5 of 9");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n", 10)).hasMessageContaining("bad chunk size");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel", 10)).hasMessageContaining("ended");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nX: " + "a".repeat(20_000) + "\r\n\r\n", 10)).hasMessageContaining("head is longer");
    }
}
