package org.tlsrpthub.core.syntax;

import java.util.List;
import java.util.function.Predicate;

/** Helpers for TXT records as DNS returns them: lists of character-strings. */
public final class TxtRecords {

    private TxtRecords() {
    }

    /**
     * Joins the character-strings of one TXT record with no separator (RFC 8460 §3 via RFC 7208 §3.3,
     * RFC 8461 §3.1). Resolvers that join with spaces (JNDI) corrupt long records.
     */
    public static String join(List<String> characterStrings) {
        return String.join("", characterStrings);
    }

    /**
     * Keeps the records for which {@code candidate} holds (those beginning with the version tag)
     * and says whether none, one or several remain.
     */
    public static TxtSelection select(List<String> joinedRecords, Predicate<String> candidate) {
        List<String> kept = joinedRecords.stream().filter(candidate).toList();
        return switch (kept.size()) {
            case 0 -> new TxtSelection.None();
            case 1 -> new TxtSelection.One(kept.getFirst());
            default -> new TxtSelection.Multiple(kept);
        };
    }
}
