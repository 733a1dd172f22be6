package org.tlsrpthub.hub.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.TempFailException;

/** Verifies the DKIM signatures of one raw message (Apache jDKIM). Thread-safe: one verifier per call. */
public final class DkimVerification {
    private final PublicKeyRecordRetriever keys;

    public DkimVerification(PublicKeyRecordRetriever keys) {
        this.keys = keys;
    }

    public DkimResult verify(byte[] message) {
        DKIMVerifier verifier = new DKIMVerifier(keys);
        List<SignatureRecord> valid;
        String failure = null;
        boolean temporary = false;
        try {
            valid = verifier.verify(new ByteArrayInputStream(message));
        } catch (TempFailException e) {
            valid = null;
            failure = e.getMessage();
            temporary = true;
        } catch (FailException e) {
            valid = null;
            failure = e.getMessage();
        } catch (IOException | RuntimeException e) {
            // Mail so malformed that the verifier cannot read it has no valid signature either.
            valid = null;
            failure = "unreadable message: " + e.getMessage();
        }
        List<Result> results = verifier.getResults();
        List<String> passing = new ArrayList<>();
        if (valid != null) {
            for (SignatureRecord r : valid) passing.add(domainOf(r));
        }
        if (!passing.isEmpty()) return new DkimResult(DkimResult.Verdict.PASS, passing, passing.get(0), null);

        String firstDomain = null;
        for (Result r : results) {
            if (r.getRecord() != null) {
                firstDomain = signingDomain(r);
                if (failure == null || failure.isBlank()) failure = r.getErrorMessage();
                if (r.getResultType() == Result.Type.TEMPERROR) temporary = true;
                break;
            }
        }
        if (results.isEmpty() && failure == null) return DkimResult.NONE;
        if (results.isEmpty() && valid != null) return DkimResult.NONE;
        DkimResult.Verdict v = temporary ? DkimResult.Verdict.TEMPERROR : DkimResult.Verdict.FAIL;
        return new DkimResult(v, List.of(), firstDomain, failure == null ? "no valid signature" : failure);
    }

    /**
     * The d= of a signature that failed. jDKIM puts a placeholder record ({@code d=invalid}) on a
     * failure it cannot tie to a parsed record, so the d= tag is read from the raw header field too.
     */
    static String signingDomain(Result r) {
        String raw = r.getDkimRawField();
        if (raw != null) {
            String value = raw.regionMatches(true, 0, "DKIM-Signature:", 0, 15) ? raw.substring(15) : raw;
            for (String tag : value.split(";")) {
                int eq = tag.indexOf('=');
                if (eq > 0 && tag.substring(0, eq).strip().equals("d")) {
                    String d = tag.substring(eq + 1).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
                    if (!d.isEmpty()) return d;
                }
            }
        }
        return domainOf(r.getRecord());
    }

    private static String domainOf(SignatureRecord r) {
        CharSequence d = r.getDToken();
        return d == null ? null : d.toString().toLowerCase(Locale.ROOT);
    }
}
