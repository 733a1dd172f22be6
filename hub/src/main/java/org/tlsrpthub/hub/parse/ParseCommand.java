package org.tlsrpthub.hub.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.core.InputReader;
import org.tlsrpthub.core.InputResult;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.hub.cli.LimitOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub parse FILE…}: read reports from files or stdin and say what they mean. Stores nothing. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Read TLS-RPT reports and explain them: sender, period, policy, sessions, each failure type "
                + "with what it means and what to do, and anything unusual about the report.",
                "Accepts .json, .json.gz, .gz, .zip and .eml (recognised by content). Stores nothing."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every input parsed", "1:at least one input could not be read or parsed"})
public final class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Report files; '-' reads standard input.")
    List<String> files;

    @Option(names = "--json", description = "One JSON object per input, one per line, with the canonical reports.")
    boolean json;

    @Mixin
    LimitOptions limitOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Limits limits = limitOptions.limits();
        InputReader reader = new InputReader(limits);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportExplainer explainer = new ReportExplainer();
        ParseOutcomeJson jsonOut = new ParseOutcomeJson();
        boolean allParsed = true;
        for (String file : files) {
            String source = file.equals("-") ? "stdin" : file;
            try {
                InputResult result = reader.read(readInput(file, limits), source);
                if (json) {
                    out.println(jsonOut.success(source, result.reports()));
                } else {
                    printExplained(out, explainer, source, result);
                }
            } catch (ReportParseException e) {
                allParsed = false;
                if (json) out.println(jsonOut.failure(source, e));
                else err.println("error: " + e.getMessage());
            }
            out.flush();
        }
        return allParsed ? 0 : 1;
    }

    private static void printExplained(PrintWriter out, ReportExplainer explainer, String source, InputResult result) {
        List<ParsedReport> reports = result.reports();
        for (int i = 0; i < reports.size(); i++) {
            String title = "== " + source + (reports.size() > 1 ? " (report " + (i + 1) + " of " + reports.size() + ")" : "") + " ==";
            out.println(title);
            out.println(explainer.explain(reports.get(i), result.email() == null ? null : result.email().reports().get(i)));
        }
    }

    /** Reads a file or stdin, refusing more than the input limit before it is all in memory. */
    private static byte[] readInput(String file, Limits limits) throws ReportParseException {
        String source = file.equals("-") ? "stdin" : file;
        try {
            if (file.equals("-")) return readBounded(System.in, limits.maxInputBytes(), source);
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new ReportParseException(ReportParseException.Kind.UNRECOGNISED_FORMAT,
                        "is a directory; name the report files (or use 'import' for whole directories)", source);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return readBounded(in, limits.maxInputBytes(), source);
            }
        } catch (NoSuchFileException e) {
            throw new ReportParseException(ReportParseException.Kind.UNRECOGNISED_FORMAT, "no such file", source);
        } catch (IOException e) {
            throw new ReportParseException(ReportParseException.Kind.UNRECOGNISED_FORMAT, "cannot read: " + e.getMessage(), source);
        }
    }

    private static byte[] readBounded(InputStream in, long max, String source) throws IOException, ReportParseException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ReportParseException(ReportParseException.Kind.LIMIT_EXCEEDED,
                    "input exceeds " + max + " bytes (limit maxInputBytes; see --max-input-bytes)", source);
        }
        return bytes;
    }
}
