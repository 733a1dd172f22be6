package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.testsupport.Corpus;

/** The store commands end to end, in-process, on SQLite in a temp data directory. */
class CommandsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void importPrintsExactlyTheJsonSummaryAndIsIdempotent() {
        Run first = run("import", "--data-dir", data(), "--json", Corpus.reportsDir().toString());
        assertThat(first.exit()).as(first.err()).isZero();
        // 6 files give a stored report's key with other content: held for review (see StoreContract's import test)
        assertThat(first.out()).isEqualTo("{\"stored\":30,\"duplicates\":4,\"quarantined\":6,\"rejected\":0}\n");

        Run again = run("import", "--data-dir", data(), "--json", Corpus.reportsDir().toString());
        assertThat(again.out()).isEqualTo("{\"stored\":0,\"duplicates\":34,\"quarantined\":6,\"rejected\":0}\n");
    }

    @Test
    void importGroupsQuarantineReasonsAndFailsOnlyForUnreadableInputs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.json"), "this is not a report");
        Files.writeString(in.resolve("b.json"), "neither is this");
        Files.copy(Corpus.reportsDir().resolve("mox__example.eml"), in.resolve("c.eml"));

        Run ok = run("import", "--data-dir", data(), in.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("3 inputs: 1 reports stored, 0 duplicates, 2 quarantined, 0 rejected");
        assertThat(ok.out()).contains("2 × quarantined UNRECOGNISED_FORMAT, e.g. not JSON, gzip, zip or an email");

        Run missing = run("import", "--data-dir", data(), "--json", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope");
    }

    @Test
    void importReadsMboxFilesAndMaildirFolders() throws Exception {
        byte[] a = Files.readAllBytes(Corpus.reportsDir().resolve("mox__example.eml"));
        byte[] b = Files.readAllBytes(Corpus.reportsDir().resolve("mox__microsoft.eml"));
        var mbox = new ByteArrayOutputStream();
        mbox.writeBytes("From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n".getBytes(StandardCharsets.US_ASCII));
        mbox.writeBytes(a);
        mbox.writeBytes("\n\nFrom MAILER-DAEMON Thu Jan  1 00:00:01 2026\n".getBytes(StandardCharsets.US_ASCII));
        mbox.writeBytes(b);
        Files.write(dir.resolve("reports.mbox"), mbox.toByteArray());
        Run fromMbox = run("import", "--data-dir", data(), "--json", dir.resolve("reports.mbox").toString());
        assertThat(fromMbox.out()).as(fromMbox.err()).isEqualTo("{\"stored\":2,\"duplicates\":0,\"quarantined\":0,\"rejected\":0}\n");

        Path maildir = dir.resolve("Maildir");
        Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Files.copy(Corpus.reportsDir().resolve("tlsrpt-digest__tlsrpt_success_google_1.eml"), maildir.resolve("cur/1.host:2,S"));
        Files.copy(Corpus.reportsDir().resolve("tlsrpt-digest__tlsrpt_success_google_2.eml"), maildir.resolve("new/2.host"));
        Files.writeString(maildir.resolve("tmp/3.host"), "half-delivered");
        Run fromMaildir = run("import", "--data-dir", data(), "--json", maildir.toString());
        assertThat(fromMaildir.out()).isEqualTo("{\"stored\":2,\"duplicates\":0,\"quarantined\":0,\"rejected\":0}\n");
    }

    @Test
    void domainsSummaryReprocessAndRetentionWorkFromTheCommandLine() throws Exception {
        assertThat(run("domains", "add", "--data-dir", data(), "Example.COM.").out()).contains("added example.com");
        Run typo = run("domains", "add", "--data-dir", data(), "exa mple.com");
        assertThat(typo.exit()).isNotZero();
        assertThat(typo.err()).contains("'exa mple.com' is not a host name");
        assertThat(run("domains", "list", "--data-dir", data()).out()).isEqualTo("example.com\n# reports about other domains: store\n");
        assertThat(run("domains", "others", "--data-dir", data(), "quarantine").out()).isEqualTo("quarantine\n");

        Run imported = run("import", "--data-dir", data(), "--json", Corpus.reportsDir().toString());
        assertThat(imported.exit()).isZero();
        assertThat(imported.out()).doesNotContain("\"quarantined\":0");

        Run summary = run("summary", "--data-dir", data(), "--domain", "example.com", "--from", "2024-01-01", "--to", "2026-12-31", "--json");
        assertThat(summary.exit()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("\"domain\":\"example.com\"").contains("\"failureRate\"").contains("\"byReporter\"");
        assertThat(run("summary", "--data-dir", data(), "--domain", "example.com", "--from", "2024-01-01", "--to", "2026-12-31").out())
                .contains("sessions:").contains("by reporter:");

        run("domains", "others", "--data-dir", data(), "store");
        Run reprocess = run("reprocess", "--data-dir", data());
        assertThat(reprocess.out()).contains("released from quarantine").doesNotContain(" 0 released")
                .contains("updated,").contains("kept: raw details expired");
        Run all = run("reprocess", "--data-dir", data(), "--all", "--json");
        assertThat(all.out()).as(all.err()).matches("\\{\"inputs\":\\d+,\"released\":0,\"stillQuarantined\":\\d+,\"reportsStored\":0,"
                + "\"reportsUpdated\":0,\"reportsUnchanged\":[1-9]\\d*,\"reportsKeptDetailsExpired\":0}\n");

        Run dry = run("retention", "--data-dir", data(), "--retention-days", "1", "--dry-run");
        assertThat(dry.out()).startsWith("would delete 0 raw inputs"); // everything was received just now
        assertThat(run("retention", "--data-dir", data()).exit()).isEqualTo(2);
    }

    @Test
    void generatedReportsImportAsStoredReports() throws Exception {
        Path out = dir.resolve("generated");
        Run gen = run("generate", "--domains", "3", "--senders", "4", "--days", "2", "--gzip", "--out", out.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json.gz")).count()).isEqualTo(24);
        }
        assertThat(run("import", "--data-dir", data(), "--json", out.toString()).out())
                .isEqualTo("{\"stored\":24,\"duplicates\":0,\"quarantined\":0,\"rejected\":0}\n");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"import"}, {"reprocess"}, {"domains"}, {"domains", "add"}, {"summary"}, {"overview"},
                {"retention"}, {"generate"}, {"bench", "import"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage:");
        }
    }

    @Test
    void theConfigFileAndEnvironmentChooseTheStore() throws Exception {
        Path config = dir.resolve("hub.properties");
        Files.writeString(config, "store.data-dir=" + dir.resolve("from-config").toString().replace("\\", "/") + "\n");
        run("import", "--config", config.toString(), "--json", Corpus.reportsDir().resolve("mox__example.eml").toString());
        assertThat(dir.resolve("from-config").resolve("tlsrpt-hub.db")).exists();
    }

    @Test
    void aMisspeltOrRenamedKeyStopsTheCommandNamingTheClosestValidKey() throws Exception {
        Path config = dir.resolve("typo.properties");
        Files.writeString(config, "dkim.polcy=require\nsmtp.recipent=tlsrpt@example.com\ndata-dir=" + data() + "\n");
        Run r = run("domains", "list", "--config", config.toString(), "--data-dir", data());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).startsWith("tlsrpt-hub list: ").doesNotContain("Exception")
                .contains("unknown setting dkim.polcy", "did you mean dkim.policy?")
                .contains("unknown setting smtp.recipent", "did you mean smtp.recipients?")
                .contains("data-dir", "was renamed: use store.data-dir");
        assertThat(dir.resolve("data").resolve("tlsrpt-hub.db")).as("nothing opened").doesNotExist();
    }

    @Test
    void configHelpSaysWhereEverySettingIsDocumented() {
        assertThat(run("serve", "--help").out()).contains("docs/receiving.md");
    }

    @Test
    void storeOptionsAreGlobalBeforeOrAfterTheSubcommand() {
        String other = dir.resolve("other").toString();
        assertThat(run("--data-dir", other, "domains", "add", "before.example").exit()).isZero();
        assertThat(run("domains", "add", "--data-dir", other, "after.example").exit()).isZero();
        assertThat(run("domains", "--data-dir", other, "list").out()).contains("before.example", "after.example");
    }
}
