package org.tlsrpthub.core.mtasts;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking an MTA-STS policy file. Both variants carry every problem found, not only
 * the first, so an operator can fix the file in one go.
 */
public sealed interface MtaStsPolicyParse {

    List<PolicyProblem> warnings();

    /** Usable by senders; the warnings are deviations that were tolerated. */
    record Valid(MtaStsPolicy policy, List<PolicyProblem> warnings) implements MtaStsPolicyParse {
        public Valid {
            Objects.requireNonNull(policy, "policy");
            warnings = List.copyOf(warnings);
        }
    }

    /** Senders treat the domain as having no valid policy (RFC 8461 §3.2); {@code errors} is never empty. */
    record Invalid(List<PolicyProblem> errors, List<PolicyProblem> warnings) implements MtaStsPolicyParse {
        public Invalid {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            if (errors.isEmpty()) throw new IllegalArgumentException("an invalid policy needs at least one error");
        }
    }
}
