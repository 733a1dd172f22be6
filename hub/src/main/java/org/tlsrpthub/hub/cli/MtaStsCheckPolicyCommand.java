package org.tlsrpthub.hub.cli;

import org.tlsrpthub.hub.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import org.tlsrpthub.core.mtasts.MtaStsPolicyParse;
import org.tlsrpthub.core.mtasts.MtaStsPolicyParser;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub mta-sts check-policy FILE}. */
@Command(name = "check-policy",
        mixinStandardHelpOptions = true,
        description = {"Check an MTA-STS policy file (RFC 8461 §3.2), as served at"
                + " https://mta-sts.<domain>/.well-known/mta-sts.txt. Every error and warning is listed with its line.",
                "Exit status: 0 valid, 1 invalid or unreadable, 2 usage error."})
final class MtaStsCheckPolicyCommand implements Callable<Integer> {

    /** Far above the ~64 KB senders fetch (RFC 8461 §3.3), to refuse only absurd input. */
    static final int MAX_BYTES = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file, or - for standard input.")
    String file;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--mx", paramLabel = "HOST", description = "Also test this MX host name against the policy's"
            + " mx patterns (repeatable); the exit status is 1 if one matches none.")
    List<String> mxHosts = new ArrayList<>();

    @Override
    public Integer call() {
        String text;
        try {
            text = read();
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: cannot read " + file + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        MtaStsPolicyParse result = MtaStsPolicyParser.parse(text);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, g -> writeJson(g, result, mxHosts));
        } else {
            printText(out, result);
        }
        if (!(result instanceof MtaStsPolicyParse.Valid v)) return 1;
        boolean allMatch = true;
        for (String host : mxHosts) {
            Optional<MxPattern> match = matching(v, host);
            allMatch &= match.isPresent();
            if (!json) {
                out.println("mx host " + host + ": " + match.map(p -> "matches " + p.pattern())
                        .orElse("matches no mx pattern; senders enforcing the policy will not deliver to it"));
            }
        }
        out.flush();
        return allMatch ? 0 : 1;
    }

    private String read() throws IOException {
        byte[] bytes;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file");
        } catch (InvalidPathException e) {
            throw new IOException("not a valid file name");
        }
        if (bytes.length > MAX_BYTES) throw new IOException("larger than " + MAX_BYTES + " bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    private static void printText(PrintWriter out, MtaStsPolicyParse result) {
        switch (result) {
            case MtaStsPolicyParse.Valid v -> {
                out.println("valid MTA-STS policy");
                out.println("  mode: " + v.policy().mode().value());
                out.println("  max_age: " + v.policy().maxAge() + " seconds (" + v.policy().maxAge() / 86400 + " days)");
                v.policy().mx().forEach(p -> out.println("  mx: " + p.pattern()));
            }
            case MtaStsPolicyParse.Invalid i -> {
                out.println("invalid MTA-STS policy: " + count(i.errors().size(), "error") + ", "
                        + count(i.warnings().size(), "warning"));
                i.errors().forEach(e -> out.println("error: " + e));
            }
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
        out.flush();
    }

    /** The first pattern matching the host, as RFC 8461 §4.1 compares them. */
    private static Optional<MxPattern> matching(MtaStsPolicyParse.Valid v, String host) {
        return v.policy().mx().stream().filter(p -> p.matches(host)).findFirst();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void writeJson(JsonGenerator g, MtaStsPolicyParse result, List<String> mxHosts) throws IOException {
        g.writeStartObject();
        switch (result) {
            case MtaStsPolicyParse.Valid v -> {
                g.writeStringField("status", "valid");
                g.writeStringField("mode", v.policy().mode().value());
                g.writeNumberField("max_age", v.policy().maxAge());
                g.writeArrayFieldStart("mx");
                for (MxPattern p : v.policy().mx()) g.writeString(p.pattern());
                g.writeEndArray();
                g.writeArrayFieldStart("mx_hosts");
                for (String host : mxHosts) {
                    g.writeStartObject();
                    g.writeStringField("host", host);
                    Optional<MxPattern> match = matching(v, host);
                    if (match.isPresent()) g.writeStringField("matches", match.get().pattern());
                    else g.writeNullField("matches");
                    g.writeEndObject();
                }
                g.writeEndArray();
                problems(g, "errors", List.of());
            }
            case MtaStsPolicyParse.Invalid i -> {
                g.writeStringField("status", "invalid");
                problems(g, "errors", i.errors());
            }
        }
        problems(g, "warnings", result.warnings());
        g.writeEndObject();
    }

    private static void problems(JsonGenerator g, String name, List<PolicyProblem> problems) throws IOException {
        g.writeArrayFieldStart(name);
        for (PolicyProblem p : problems) {
            g.writeStartObject();
            g.writeNumberField("line", p.line());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
