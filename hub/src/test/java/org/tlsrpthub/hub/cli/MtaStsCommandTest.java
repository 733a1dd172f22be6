package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MtaStsCommandTest {

    private static final String GOOD = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 86400\r\n";

    @TempDir
    Path dir;

    @Test
    void checkPolicyOfAGoodFileSaysValidAndExitsZero() throws IOException {
        Path f = Files.writeString(dir.resolve("mta-sts.txt"), GOOD);
        CapturedCli r = CapturedCli.run("mta-sts", "check-policy", f.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("valid MTA-STS policy").contains("mode: enforce").contains("mx: mail.example.com");
    }

    @Test
    void checkPolicyListsEveryErrorAndWarningWithItsLine() {
        CapturedCli r = CapturedCli.runWithStdin(utf8("version: STSv1\nmode: Enforce\nmx: a*.example\nmax_age: 86400\nfoo: 1\n"),
                "mta-sts", "check-policy", "-");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                invalid MTA-STS policy: 2 errors, 1 warning
                error: line 2: mode is 'Enforce'; it must be enforce, testing or none (values are case-sensitive)
                error: line 3: mx 'a*.example': '*' is allowed only as the whole leftmost label ('*.example.com')
                warning: line 5: unknown field 'foo' ignored
                """);
    }

    @Test
    void checkPolicyWithJsonSeparatesErrorsAndWarnings() {
        CapturedCli r = CapturedCli.runWithStdin(utf8("version: STSv1\nmode: none\nmax_age: 1\nx: y\n"), "mta-sts", "check-policy", "--json", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"status\" : \"valid\"").contains("\"errors\" : [ ]").contains("\"line\" : 4");
    }

    @Test
    void mxHostsAreTestedAgainstThePatterns() {
        String policy = "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 86400\n";
        CapturedCli ok = CapturedCli.runWithStdin(utf8(policy), "mta-sts", "check-policy", "--mx", "MX1.example.com.", "-");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).endsWith("mx host MX1.example.com.: matches *.example.com\n");
        CapturedCli bad = CapturedCli.runWithStdin(utf8(policy), "mta-sts", "check-policy", "--mx", "a.b.example.com", "-");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("mx host a.b.example.com: matches no mx pattern");
        CapturedCli json = CapturedCli.runWithStdin(utf8(policy), "mta-sts", "check-policy", "--json", "--mx", "example.com", "-");
        assertThat(json.out()).contains("\"host\" : \"example.com\"").contains("\"matches\" : null");
    }

    @Test
    void aMissingFileIsAClearErrorWithoutStackTrace() {
        CapturedCli r = CapturedCli.run("mta-sts", "check-policy", dir.resolve("nope.txt").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: cannot read ").contains("no such file").doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotUtf8IsAClearError() throws IOException {
        Path f = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, (byte) 0xfe});
        CapturedCli r = CapturedCli.run("mta-sts", "check-policy", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("not UTF-8");
    }

    @Test
    void checkRecordAcceptsAGoodRecord() {
        CapturedCli r = CapturedCli.run("mta-sts", "check-record", "v=STSv1; id=20240101T000000;");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("valid MTA-STS record\n  id: 20240101T000000\n");
    }

    @Test
    void checkRecordShowsTheErrorWithACaret() {
        CapturedCli r = CapturedCli.run("mta-sts", "check-record", "v=STSv1; id=2024-01");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                invalid MTA-STS record: character '-' is not allowed in id (only letters and digits, RFC 8461 §3.1) (at column 17)
                  v=STSv1; id=2024-01
                                  ^
                """);
    }

    @Test
    void checkRecordSaysWhenTheTextIsNotAnMtaStsRecord() {
        CapturedCli r = CapturedCli.run("mta-sts", "check-record", "--json", "v=TLSRPTv1; rua=mailto:a@b.example");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("\"status\" : \"not-mta-sts\"");
    }

    @Test
    void helpWorksOnEachCommand() {
        for (String[] args : new String[][] {{"mta-sts", "--help"}, {"mta-sts", "check-policy", "--help"},
                {"mta-sts", "check-record", "--help"}}) {
            CapturedCli r = CapturedCli.run(args);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("Usage: tlsrpt-hub mta-sts");
        }
        assertThat(CapturedCli.run("mta-sts").exitCode()).isEqualTo(2);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
