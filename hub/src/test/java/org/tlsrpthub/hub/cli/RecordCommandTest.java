package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordCommandTest {

    @Test
    void checkPrintsValidWithTheDestinationsAndExitsZero() {
        CapturedCli r = CapturedCli.run("record", "check", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://r.example.com/x");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("valid TLS-RPT record")
                .contains("rua: mailto:tlsrpt@example.com").contains("rua: https://r.example.com/x");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void checkShowsWarningsWithACaret() {
        CapturedCli r = CapturedCli.run("record", "check", "v=TLSRPTv1 ; rua=mailto:a@example.com");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("warning: whitespace between the version and ';'")
                .contains("  v=TLSRPTv1 ; rua=mailto:a@example.com\n            ^");
    }

    @Test
    void checkPrintsTheErrorWithACaretAndExitsOne() {
        CapturedCli r = CapturedCli.run("record", "check", "v=TLSRPTv1; rua=a@example.com");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                invalid TLS-RPT record: 'a@example.com' is not a URI: it has no scheme (expected mailto: or https:) (at column 17)
                  v=TLSRPTv1; rua=a@example.com
                                  ^
                """);
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void checkSaysWhenTheTextIsNotATlsRptRecord() {
        CapturedCli r = CapturedCli.run("record", "check", "v=spf1 -all");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("not a TLS-RPT record: it does not begin with v=TLSRPTv1");
    }

    @Test
    void checkJoinsSeveralArgumentsLikeCharacterStrings() {
        CapturedCli r = CapturedCli.run("record", "check", "v=TLSRPTv1; rua=mai", "lto:a@example.com");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void checkWithJsonPrintsMachineReadableOutput() {
        CapturedCli ok = CapturedCli.run("record", "check", "--json", "v=TLSRPTv1; rua=ftp://x.example/,mailto:a@example.com");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("\"status\" : \"valid\"").contains("\"scheme\" : \"ftp\"")
                .contains("\"code\" : \"unknown-uri-scheme\"");
        CapturedCli bad = CapturedCli.run("record", "check", "--json", "v=TLSRPTv1;");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("\"status\" : \"malformed\"").contains("\"offset\" : 11");
    }

    @Test
    void generatePrintsTheRecordTheStringsAndTheZoneLine() {
        CapturedCli r = CapturedCli.run("record", "generate", "--mailto", "a@b.example", "--https", "https://r.example/x,y",
                "--domain", "example.com");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                record:
                  v=TLSRPTv1; rua=mailto:a@b.example,https://r.example/x%2Cy
                character-strings (1, at most 255 octets each):
                  "v=TLSRPTv1; rua=mailto:a@b.example,https://r.example/x%2Cy"
                zone file line:
                  _smtp._tls.example.com. IN TXT "v=TLSRPTv1; rua=mailto:a@b.example,https://r.example/x%2Cy"
                """);
    }

    @Test
    void generateRefusesBadInputWithAMessageAndExitOne() {
        CapturedCli r = CapturedCli.run("record", "generate", "--https", "http://r.example/");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: 'http://r.example/' is not an https URL (it must begin with https://)\n");
    }

    @Test
    void generateWithoutDestinationsIsAUsageError() {
        CapturedCli r = CapturedCli.run("record", "generate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Give at least one --mailto or --https");
    }

    @Test
    void helpWorksOnEachCommand() {
        for (String[] args : new String[][] {{"record", "--help"}, {"record", "check", "--help"},
                {"record", "generate", "--help"}}) {
            CapturedCli r = CapturedCli.run(args);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("Usage: tlsrpt-hub record");
        }
    }

    @Test
    void recordWithoutSubcommandIsAUsageError() {
        assertThat(CapturedCli.run("record").exitCode()).isEqualTo(2);
        assertThat(CapturedCli.run("record", "check").exitCode()).isEqualTo(2);
    }
}
